// The seed-004 meeting in a real browser: once hydrated (the agenda items
// collapse and expand), and once without JavaScript (everything is readable).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { login } from '../support/login.mjs';
import { screenshots, useDemo } from '../support/demo.mjs';

const demo = useDemo();

const TITLE = /৪র্থ ত্রৈমাসিক সভার কার্যবিবরণী/;
const ITEM_02 = 'সেবা প্রদান প্রতিশ্রুতি সংক্রান্ত পরিবীক্ষণ কমিটি গঠন';
const ITEM_02_DISCUSSION = 'বাকি ০৭ টি জেলায় পরিবীক্ষণ কমিটি পুনর্গঠন';

const hydrated = (page) => page.locator('body[data-hydrated="true"]').waitFor({ timeout: 30_000 });

/// Opens the meetings list and follows the link to the seed meeting. The
/// list is plain server HTML (no island), so the link loads a new page.
async function openSeedMeeting(page) {
  await login(page, demo.server.baseUrl, 'viewer');
  await page.getByRole('heading', { level: 1, name: 'সভাসমূহ' }).waitFor();
  await page.getByRole('link', { name: TITLE }).click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
}

function agendaItem(page, subject) {
  return page.locator('section.agenda-item').filter({ has: page.getByRole('heading', { name: subject }) });
}

test('hydrated: an agenda item collapses and expands', async () => {
  const page = await demo.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

  await openSeedMeeting(page);
  // The agenda is an island: it marks <body> once the wasm has taken it over.
  await hydrated(page);
  // A fresh load hydrates the same way.
  await page.reload();
  await hydrated(page);

  const item = agendaItem(page, ITEM_02);
  const toggle = item.getByRole('button', { name: 'সংক্ষিপ্ত করুন' });
  const discussion = item.getByText(ITEM_02_DISCUSSION);
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.ok(await discussion.isVisible(), 'discussion shown before collapsing');

  await toggle.click();
  await discussion.waitFor({ state: 'hidden', timeout: 5_000 });
  const expand = item.getByRole('button', { name: 'বিস্তারিত দেখুন' });
  assert.equal(await expand.getAttribute('aria-expanded'), 'false');
  // The other items stay open.
  assert.ok(await page.locator('section.agenda-item').getByText('মন্ত্রিপরিষদ বিভাগের নির্দেশনা অনুযায়ী').isVisible());
  await page.screenshot({ path: join(screenshots, 'meeting-collapsed.png'), fullPage: true });

  await expand.click();
  await discussion.waitFor({ state: 'visible', timeout: 5_000 });
  await page.screenshot({ path: join(screenshots, 'meeting.png'), fullPage: true });

  assert.deepEqual(errors, [], 'no errors in the browser console');
  await page.close();
});

test('without JavaScript: the whole minutes are readable', async () => {
  const context = await demo.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await openSeedMeeting(page);
  for (const text of [
    'গণপ্রজাতন্ত্রী বাংলাদেশ সরকার',
    'মো: হাবিবুর রহমান',
    '২২ জুন, ২০২৩ খ্রি.',
    'সকাল ১০:৩০ টা',
    ITEM_02_DISCUSSION,
    'পরিবীক্ষণ কমিটির সিদ্ধান্তের বাস্তবায়ন প্রতিবেদন নিয়মিত এ কার্যালয়ে প্রেরণ করতে হবে।',
    'স্মারক নম্বর: ০৫.৪৭.০০০০.০০৫.১২.০০২.১৭.২৯৯',
  ]) {
    assert.ok(await page.getByText(text, { exact: false }).first().isVisible(), `missing: ${text}`);
  }
  assert.equal(await page.locator('section.agenda-item').count(), 5);
  // The memo PDF is a plain link: it works without JavaScript.
  const href = await page.getByRole('link', { name: 'মেমো (PDF) দেখুন ও প্রিন্ট করুন' }).getAttribute('href');
  const pdf = await page.request.get(demo.server.baseUrl + href);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.ok((await pdf.body()).subarray(0, 4).toString() === '%PDF');
  const download = page.getByRole('link', { name: 'মেমো (PDF) ডাউনলোড' });
  const saved = await page.request.get(demo.server.baseUrl + (await download.getAttribute('href')));
  assert.match(saved.headers()['content-disposition'], /^attachment/);
  const jsonHref = await page.getByRole('link', { name: 'কার্যবিবরণী (JSON) ডাউনলোড' }).getAttribute('href');
  const json = await page.request.get(demo.server.baseUrl + jsonHref);
  assert.equal(json.status(), 200);
  assert.equal((await json.json()).format, 'sidhanto.meeting/1');
  assert.equal(await page.locator('body[data-hydrated]').count(), 0, 'no hydration without JavaScript');
  await page.screenshot({ path: join(screenshots, 'meeting-no-js.png'), fullPage: true });
  await context.close();
});
