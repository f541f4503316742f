// A secretary drafts the whole seed-004 meeting through the editor, once with
// JavaScript (the form saves itself) and once without (plain form posts), then
// reloads and finds every field as typed. Two sessions editing one draft: the
// later save is refused with a message and the first one's text stays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { login } from '../support/login.mjs';
import { screenshots, SEED, useDemo } from '../support/demo.mjs';

const demo = useDemo();

const BANGLA = '০১২৩৪৫৬৭৮৯';
const bangla = (s) => String(s).replace(/[0-9]/g, (d) => BANGLA[d]);
const ascii = (s) => String(s).replace(/[০-৯]/g, (d) => BANGLA.indexOf(d));

/// Every input of the editor for these minutes: [name, value], as a person
/// types them in a Bangla page (dates and numbers in Bangla digits).
function inputs(m) {
  const out = [];
  const put = (k, v) => out.push([k, v ?? '']);
  for (const k of ['kind', 'language', 'office', 'series', 'title', 'venue', 'preamble', 'closing']) put(k, m[k]);
  put('fiscal_year', bangla(m.fiscal_year));
  put('quarter', bangla(m.quarter));
  put('held_on', bangla(m.held_on));
  put('starts_at', bangla(m.starts_at.slice(0, 5)));
  for (const p of ['chair', 'secretary', 'issuer']) {
    put(`${p}.name`, m[p]?.name);
    put(`${p}.designation`, m[p]?.designation);
  }
  m.attendees.forEach((a, i) => {
    for (const f of ['name', 'designation', 'office']) put(`attendees[${i}].${f}`, a[f]);
  });
  m.agenda.forEach((item, i) => {
    put(`agenda[${i}].subject`, item.subject);
    put(`agenda[${i}].discussion`, item.discussion);
    item.decisions.forEach((d, j) => {
      const at = `agenda[${i}].decisions[${j}]`;
      put(`${at}.text`, d.text);
      d.implementers.forEach((imp, k) => {
        put(`${at}.implementers[${k}].office`, imp.office);
        put(`${at}.implementers[${k}].members`, imp.members ?? '');
        put(`${at}.implementers[${k}].label`, imp.label);
      });
      const dl = d.deadline;
      const kind = typeof dl === 'string' ? dl : Object.keys(dl)[0];
      put(`${at}.deadline.kind`, kind);
      if (kind === 'on') put(`${at}.deadline.on`, bangla(dl.on));
      if (kind === 'days_after_issue') put(`${at}.deadline.days`, bangla(dl.days_after_issue));
    });
  });
  put('distribution.heading', m.distribution.heading);
  m.distribution.recipients.forEach((r, i) => put(`distribution.recipients[${i}]`, r));
  return out;
}

const field = (page, name) => page.locator(`[name="${name}"]`);

/// Presses a row button (a plain submit) and waits for the row it adds.
async function addRow(page, list, probe) {
  await page.locator(`button[value="add:${list}"]`).first().click();
  await field(page, probe).waitFor();
}

async function fill(page, name, value) {
  const input = field(page, name);
  const kind = await input.evaluate((e) => (e.tagName === 'INPUT' ? e.type : e.tagName));
  if (kind === 'SELECT') await input.selectOption({ value });
  // A draft's office is fixed: shown, not typed.
  else if (kind === 'hidden') assert.equal(await input.inputValue(), value, name);
  else await input.fill(value);
}

const hydrated = (page) => page.locator('body[data-hydrated="true"]').waitFor({ timeout: 30_000 });

async function draftSeed(js) {
  const context = await demo.browser.newContext({ javaScriptEnabled: js });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await login(page, demo.server.baseUrl, 'secretary');
  await page.getByRole('link', { name: '+ নতুন সভার কার্যবিবরণী' }).click();
  await page.getByRole('heading', { level: 1, name: 'নতুন সভার কার্যবিবরণী' }).waitFor();

  // The meeting's own fields, then the button that creates the draft.
  const all = inputs(SEED);
  const rowless = all.filter(([k]) => !/\[/.test(k));
  for (const [k, v] of rowless) await fill(page, k, v);
  await page.getByRole('button', { name: 'খসড়া তৈরি করুন' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'কার্যবিবরণী সম্পাদনা' }).waitFor();
  const editUrl = page.url().replace(/#.*$/, '');
  assert.match(editUrl, /\/meetings\/[0-9a-f-]{36}\/edit$/);

  // The rows, each with its button: attendees, items, decisions, implementers, copies.
  for (let i = 0; i < SEED.attendees.length; i++) await addRow(page, 'attendees', `attendees[${i}].designation`);
  for (let i = 0; i < SEED.agenda.length; i++) {
    await addRow(page, 'agenda', `agenda[${i}].subject`);
    const decisions = SEED.agenda[i].decisions;
    for (let j = 0; j < decisions.length; j++) {
      await addRow(page, `agenda[${i}].decisions`, `agenda[${i}].decisions[${j}].text`);
      for (let k = 0; k < decisions[j].implementers.length; k++) {
        await addRow(page, `agenda[${i}].decisions[${j}].implementers`, `agenda[${i}].decisions[${j}].implementers[${k}].label`);
      }
    }
  }
  for (let i = 0; i < SEED.distribution.recipients.length; i++) {
    await addRow(page, 'distribution.recipients', `distribution.recipients[${i}]`);
  }

  // Every field typed; with JavaScript the form saves itself, without it the button does.
  if (js) await hydrated(page);
  for (const [k, v] of all) await fill(page, k, v);
  if (js) {
    // The last change's save starts 1.2 s after it; wait for that one.
    await page.waitForTimeout(1500);
    await page.getByRole('status').filter({ hasText: 'স্বয়ংক্রিয়ভাবে সংরক্ষিত।' }).waitFor({ timeout: 15_000 });
    await page.waitForLoadState('networkidle');
  } else {
    await page.getByRole('button', { name: 'সংরক্ষণ করুন' }).first().click();
    await page.getByText('সংরক্ষিত হয়েছে।').waitFor();
  }

  // Reloaded, every input holds what was typed.
  await page.goto(editUrl);
  for (const [k, v] of all) {
    assert.equal(ascii(await field(page, k).inputValue()), ascii(v), `${k} after reload (js: ${js})`);
  }
  // And the stored minutes are the seed's, as a draft.
  const stored = await (await page.request.get(editUrl.replace(/edit$/, 'minutes.json'))).json();
  const expected = { ...SEED, status: 'draft' };
  delete expected.memo_number;
  delete expected.issued_on;
  delete stored.memo_number;
  delete stored.issued_on;
  assert.deepEqual(stored, expected);
  assert.deepEqual(errors, [], 'no errors in the console');
  return { context, page, editUrl };
}

test('without JavaScript: the seed-004 minutes drafted through the form', async () => {
  const { context } = await draftSeed(false);
  await context.close();
});

test('with JavaScript: drafted, saved automatically, in Bangla and English', async () => {
  const { context, page } = await draftSeed(true);
  await hydrated(page);
  await page.screenshot({ path: join(screenshots, 'editor-bn.png') });
  await page.locator('fieldset.decision').first().screenshot({ path: join(screenshots, 'editor-decision-bn.png') });
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Edit the minutes' }).waitFor();
  assert.equal(await field(page, 'held_on').inputValue(), '2023-06-22', 'ASCII digits in English');
  await page.screenshot({ path: join(screenshots, 'editor-en.png') });
  await context.close();
});

test('two sessions on one draft: the later save is refused and nothing of the first is lost', async () => {
  // A fresh draft, created through the form.
  const setup = await demo.browser.newContext({ javaScriptEnabled: false });
  const s = await setup.newPage();
  await login(s, demo.server.baseUrl, 'secretary');
  await s.goto(demo.server.baseUrl + '/meetings/new');
  await fill(s, 'title', 'দুই জনের খসড়া');
  await fill(s, 'venue', 'সম্মেলন কক্ষ');
  await fill(s, 'chair.name', 'মো: হাবিবুর রহমান');
  await fill(s, 'chair.designation', 'বিভাগীয় কমিশনার');
  await s.getByRole('button', { name: 'খসড়া তৈরি করুন' }).first().click();
  await s.getByRole('heading', { level: 1, name: 'কার্যবিবরণী সম্পাদনা' }).waitFor();
  const editUrl = s.url().replace(/#.*$/, '');
  await setup.close();

  // Both open it; the first (with JavaScript) types and is saved automatically.
  const a = await (await demo.browser.newContext()).newPage();
  const b = await (await demo.browser.newContext({ javaScriptEnabled: false })).newPage();
  for (const p of [a, b]) {
    await login(p, demo.server.baseUrl, 'secretary');
    await p.goto(editUrl);
  }
  await hydrated(a);
  await fill(a, 'venue', 'প্রথম জনের স্থান');
  await a.getByRole('status').filter({ hasText: 'স্বয়ংক্রিয়ভাবে সংরক্ষিত।' }).waitFor({ timeout: 15_000 });

  // The second saves over an older version: refused, with a message and a way to reload.
  await fill(b, 'venue', 'দ্বিতীয় জনের স্থান');
  await b.getByRole('button', { name: 'সংরক্ষণ করুন' }).first().click();
  await b.getByRole('alert').filter({ hasText: 'অন্য কেউ এই খসড়াটি সংরক্ষণ করেছেন' }).waitFor();
  assert.equal(await field(b, 'venue').inputValue(), 'দ্বিতীয় জনের স্থান', 'what the second typed is still there');
  await b.screenshot({ path: join(screenshots, 'editor-conflict.png') });
  await b.getByRole('link', { name: 'সর্বশেষ সংস্করণ খুলুন' }).click();
  assert.equal(await field(b, 'venue').inputValue(), 'প্রথম জনের স্থান', 'the first save stands');

  // The first's autosave after the second reloaded and saved: refused the same way.
  await fill(b, 'title', 'দ্বিতীয় জনের শিরোনাম');
  await b.getByRole('button', { name: 'সংরক্ষণ করুন' }).first().click();
  await b.getByText('সংরক্ষিত হয়েছে।').waitFor();
  await fill(a, 'venue', 'প্রথম জনের নতুন স্থান');
  await a.getByRole('status').filter({ hasText: 'অন্য কেউ এই খসড়াটি সংরক্ষণ করেছেন' }).waitFor({ timeout: 15_000 });
  await a.goto(editUrl);
  assert.equal(await field(a, 'title').inputValue(), 'দ্বিতীয় জনের শিরোনাম');
  assert.equal(await field(a, 'venue').inputValue(), 'প্রথম জনের স্থান');
});

test('the people directory is searched in either language', async () => {
  const page = await demo.browser.newPage();
  await login(page, demo.server.baseUrl, 'admin');
  await page.getByRole('link', { name: 'ব্যক্তিবর্গ' }).click();
  await page.getByRole('heading', { level: 1, name: 'ব্যক্তিবর্গ' }).waitFor();
  await page.getByLabel('ব্যক্তি খুঁজুন (নাম, পদবি বা দপ্তর)').fill('habibur');
  await page.getByLabel('ব্যক্তি খুঁজুন (নাম, পদবি বা দপ্তর)').press('Enter');
  await page.waitForURL(/q=habibur/);
  const rows = page.locator('table.directory tbody tr');
  assert.equal(await rows.count(), 1);
  assert.match(await rows.first().innerText(), /মো: হাবিবুর রহমান/);

  // Adding a person: a missing Bangla name is explained at its field, then added.
  await page.getByLabel('নাম (ইংরেজি)').fill('Rasheda Begum');
  await page.getByLabel('পদবি (বাংলা)').fill('উপপরিচালক');
  await page.getByLabel('দপ্তর', { exact: true }).selectOption({ label: 'জেলা প্রশাসকের কার্যালয়, দিনাজপুর' });
  await page.getByRole('button', { name: 'যোগ করুন' }).click();
  await page.locator('#name_bn-error').getByText('এটি পূরণ করতে হবে।').waitFor();
  assert.equal(await page.getByLabel('নাম (ইংরেজি)').inputValue(), 'Rasheda Begum', 'kept as typed');
  await page.getByLabel('নাম (বাংলা)').fill('মোছা: রাশেদা বেগম');
  await page.getByRole('button', { name: 'যোগ করুন' }).click();
  await page.getByText('যোগ করা হয়েছে।').waitFor();
  assert.match(await rows.first().innerText(), /মোছা: রাশেদা বেগম[\s\S]*দিনাজপুর/);
  await page.screenshot({ path: join(screenshots, 'directory-people.png'), fullPage: true });
  await page.close();
});
