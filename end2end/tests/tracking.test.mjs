// Tracking in the browser: the Dinajpur DC office marks its part of decision
// ০২ done with an evidence PDF; the secretary verifies it and returns another
// with a reason; the dashboard and the next meeting's carry-forward section
// show exactly that state.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { login } from '../support/login.mjs';
import { screenshots, SEED, useDemo } from '../support/demo.mjs';

const demo = useDemo();

const dir = mkdtempSync(join(tmpdir(), 'sidhanto-tracking-'));

after(() => rmSync(dir, { recursive: true, force: true }));

async function signedIn(username) {
  const page = await (await demo.browser.newContext()).newPage();
  await login(page, demo.server.baseUrl, username);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  return page;
}

/// The row of decision `no` ("০২.১") in a table of assignments.
const row = (page, no) => page.locator('table.assignments tbody tr').filter({ has: page.getByRole('link', { name: no, exact: true }) });

test('report with evidence, verify, return, and see it on the dashboard and in the carry-forward', async () => {
  // The Dinajpur DC office sees what it owes, overdue first.
  const dc = await signedIn('dc.dinajpur');
  await dc.getByRole('link', { name: 'আমার কাজ' }).click();
  await dc.getByRole('heading', { level: 2, name: 'আমার দপ্তরের সিদ্ধান্ত' }).waitFor();
  assert.equal(await dc.locator('table.assignments tbody tr').count(), 7);
  await dc.screenshot({ path: join(screenshots, 'my-decisions.png'), fullPage: true });

  // Decision ০২: done, with an evidence PDF.
  const evidence = join(dir, 'citizen-charter.pdf');
  writeFileSync(evidence, '%PDF-1.4\n% the updated citizen charter of Dinajpur\n%%EOF\n');
  await row(dc, '০২.১').getByRole('link', { name: '০২.১' }).click();
  await dc.getByLabel('নতুন অবস্থা').selectOption('done');
  await dc.getByLabel('মন্তব্য').fill('ওয়েবসাইটে হালনাগাদ করা হয়েছে।');
  await dc.getByLabel(/প্রমাণক/).setInputFiles(evidence);
  await dc.getByRole('button', { name: 'জমা দিন' }).click();
  await dc.getByText('অগ্রগতি জমা হয়েছে।').waitFor();
  await dc.getByRole('link', { name: 'citizen-charter.pdf' }).waitFor();
  // Decision ০৩: done too (the secretary will return it).
  await dc.goto(demo.server.baseUrl + '/my');
  await row(dc, '০৩.১').getByRole('link', { name: '০৩.১' }).click();
  await dc.getByLabel('নতুন অবস্থা').selectOption('done');
  await dc.getByRole('button', { name: 'জমা দিন' }).click();
  await dc.getByText('অগ্রগতি জমা হয়েছে।').waitFor();
  const d03 = dc.url().replace(/[?#].*$/, '');
  await dc.goto(demo.server.baseUrl + '/my');
  const d02 = demo.server.baseUrl + (await row(dc, '০২.১').getByRole('link', { name: '০২.১' }).getAttribute('href'));

  // The secretary finds both reports in the queue on /my, verifies ০২ and
  // returns ০৩ with a reason.
  const secretary = await signedIn('secretary');
  const queue = secretary.locator('section.to-verify');
  const fromQueue = async (no) => {
    await secretary.getByRole('link', { name: 'আমার কাজ' }).click();
    await queue.locator('tbody tr').filter({ hasText: no }).getByRole('link', { name: no }).click();
  };
  await secretary.getByRole('link', { name: 'আমার কাজ' }).click();
  await queue.getByRole('heading', { name: 'যাচাইয়ের অপেক্ষায় (২)' }).waitFor();
  await fromQueue('০২.১');
  assert.equal(secretary.url().replace(/[?#].*$/, ''), d02);
  await secretary.getByRole('link', { name: 'citizen-charter.pdf' }).waitFor();
  await secretary.getByRole('button', { name: 'যাচাই সম্পন্ন' }).click();
  await secretary.getByText('যাচাই সম্পন্ন হয়েছে।').waitFor();
  await fromQueue('০৩.১');
  assert.equal(secretary.url().replace(/[?#].*$/, ''), d03);
  await secretary.getByRole('button', { name: 'কারণসহ ফেরত দিন' }).click();
  await secretary.getByText('ফেরত দিতে কারণ লিখুন।').waitFor();
  await secretary.getByLabel(/মন্তব্য \(ফেরত দিলে/).fill('প্রমাণক সংযুক্ত করুন।');
  await secretary.getByRole('button', { name: 'কারণসহ ফেরত দিন' }).click();
  await secretary.getByText('কারণসহ ফেরত দেওয়া হয়েছে।').waitFor();
  // Nothing waits any more.
  await secretary.getByRole('link', { name: 'আমার কাজ' }).click();
  await secretary.getByRole('heading', { level: 2, name: 'আমার দপ্তরের সিদ্ধান্ত' }).waitFor();
  assert.equal(await queue.count(), 0);
  await secretary.screenshot({ path: join(screenshots, 'assignment-returned.png'), fullPage: true });

  // The DC office sees both states.
  await dc.goto(demo.server.baseUrl + '/my');
  assert.match(await row(dc, '০২.১').innerText(), /যাচাইকৃত/);
  assert.match(await row(dc, '০৩.১').innerText(), /ফেরত/);

  // The dashboard: Dinajpur has one finished, six open.
  await secretary.getByRole('link', { name: 'ড্যাশবোর্ড' }).click();
  await secretary.getByRole('heading', { level: 1, name: 'ড্যাশবোর্ড' }).waitFor();
  const dinajpur = secretary.locator('table.dashboard tbody tr').filter({ hasText: 'দিনাজপুর' });
  const cells = await dinajpur.locator('td').allInnerTexts();
  assert.equal(cells[1], '৬', 'open');
  assert.equal(Number(cells[3].replace(/[০-৯]/g, (d) => '০১২৩৪৫৬৭৮৯'.indexOf(d))) + Number(cells[4].replace(/[০-৯]/g, (d) => '০১২৩৪৫৬৭৮৯'.indexOf(d))), 1, 'finished');
  await secretary.screenshot({ path: join(screenshots, 'dashboard.png'), fullPage: true });

  // The next meeting of the series carries the unfinished decisions forward.
  const next = { ...SEED, status: 'draft', held_on: '2023-09-21' };
  delete next.memo_number;
  delete next.issued_on;
  const created = await secretary.request.post(`${demo.server.baseUrl}/meetings/import`, { data: next, headers: { Origin: demo.server.baseUrl } });
  assert.equal(created.status(), 201, await created.text());
  const { id } = await created.json();
  await secretary.goto(`${demo.server.baseUrl}/meetings/${id}`);
  const carried = secretary.locator('section.carry-forward');
  await carried.getByRole('heading', { name: 'বিগত সভার সিদ্ধান্ত বাস্তবায়ন অগ্রগতি' }).waitFor();
  const carriedRow = (no) => carried.locator('tbody tr').filter({ has: secretary.locator('td:nth-child(2)', { hasText: new RegExp(`^${no.replace('.', '\\.')} `) }) });
  const c02 = carriedRow('০২.১');
  assert.match(await c02.innerText(), /দিনাজপুর: যাচাইকৃত/);
  const c03 = carriedRow('০৩.১');
  assert.match(await c03.innerText(), /দিনাজপুর: ফেরত/);
  await carried.screenshot({ path: join(screenshots, 'carry-forward.png') });
});
