// The approval workflow in the browser: the secretary submits, the chair
// returns it with a comment, the secretary submits again, the chair approves;
// then the QR code printed on the issued memo is read from the PDF and leads
// to the public verification page, which accepts the file as the issued one.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { login } from '../support/login.mjs';
import { screenshots, SEED, useDemo } from '../support/demo.mjs';

const demo = useDemo();

const dir = mkdtempSync(join(tmpdir(), 'sidhanto-issue-'));

after(() => rmSync(dir, { recursive: true, force: true }));

async function signedIn(username) {
  const context = await demo.browser.newContext();
  const page = await context.newPage();
  await login(page, demo.server.baseUrl, username);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  return page;
}

/// Renders page 1 of the PDF and reads its QR code.
function readQr(pdf) {
  writeFileSync(join(dir, 'memo.pdf'), pdf);
  execFileSync('pdftoppm', ['-r', '200', '-f', '1', '-l', '1', '-png', '-singlefile', join(dir, 'memo.pdf'), join(dir, 'page')]);
  const png = PNG.sync.read(readFileSync(join(dir, 'page.png')));
  // The footer: the bottom eighth of the page, for the note's screenshot.
  const footer = new PNG({ width: png.width, height: Math.floor(png.height / 8) });
  PNG.bitblt(png, footer, 0, png.height - footer.height, png.width, footer.height, 0, 0);
  writeFileSync(join(screenshots, 'memo-footer.png'), PNG.sync.write(footer));
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  assert.ok(code, 'a QR code on page 1');
  return code.data;
}

test('submit, return with comments, resubmit, approve, and verify through the QR code', async () => {
  // The secretary brings in the seed-004 minutes as a draft.
  const secretary = await signedIn('secretary');
  const draft = { ...SEED, status: 'draft' };
  delete draft.memo_number;
  delete draft.issued_on;
  const created = await secretary.request.post(`${demo.server.baseUrl}/meetings/import`, {
    data: draft,
    headers: { Origin: demo.server.baseUrl },
  });
  assert.equal(created.status(), 201, await created.text());
  const { id } = await created.json();
  const meetingUrl = `${demo.server.baseUrl}/meetings/${id}`;

  await secretary.goto(meetingUrl);
  await secretary.getByRole('button', { name: 'সভাপতির অনুমোদনের জন্য পাঠান' }).click();
  await secretary.getByText('সভাপতির কাছে পাঠানো হয়েছে।').waitFor();

  // The chair returns it with a comment.
  const chair = await signedIn('chair');
  await chair.goto(meetingUrl);
  await chair.getByLabel('মন্তব্য (ফেরত পাঠালে আবশ্যক)').fill('০২ নং সিদ্ধান্তের সময়সীমা আবার দেখুন।');
  await chair.getByRole('button', { name: 'মন্তব্যসহ ফেরত পাঠান' }).click();
  await chair.getByText('মন্তব্যসহ ফেরত পাঠানো হয়েছে।').waitFor();

  // The secretary sees the comment and submits again.
  await secretary.goto(meetingUrl);
  await secretary.locator('#workflow').getByText('০২ নং সিদ্ধান্তের সময়সীমা আবার দেখুন।').waitFor();
  await secretary.getByRole('button', { name: 'সভাপতির অনুমোদনের জন্য পাঠান' }).click();
  await secretary.getByText('সভাপতির কাছে পাঠানো হয়েছে।').waitFor();

  // The chair approves: issued, numbered.
  await chair.goto(meetingUrl);
  // Issuing asks first: the button leads to the question, which issues.
  await chair.getByRole('link', { name: 'অনুমোদন করুন ও জারি করুন' }).click();
  await chair.getByRole('button', { name: 'হ্যাঁ, জারি করুন' }).click();
  await chair.getByText('অনুমোদিত ও জারি হয়েছে।').waitFor();
  await chair.getByText('০৫.৪৭.০০০০.০০৫.১২.০০২.১৭.৩০০').first().waitFor();
  await chair.locator('#workflow').screenshot({ path: join(screenshots, 'workflow-issued.png') });
  // The timeline: every step in the history.
  const history = await chair.locator('.history').innerText();
  for (const step of ['সভাপতির কাছে পাঠানো হয়েছে', 'মন্তব্যসহ ফেরত', 'অনুমোদিত ও জারিকৃত']) {
    assert.ok(history.includes(step), `${step} in the history`);
  }

  // The memo's QR code leads to the public page.
  const pdf = await (await chair.request.get(`${meetingUrl}/memo.pdf`)).body();
  const url = readQr(pdf);
  assert.match(url, /\/verify\/[a-z0-9]{10}$/);
  const path = new URL(url).pathname;
  const anyone = await (await demo.browser.newContext()).newPage();
  await anyone.goto(demo.server.baseUrl + path);
  await anyone.getByText('স্বাক্ষর সঠিক').waitFor();
  await anyone.getByText('০৫.৪৭.০০০০.০০৫.১২.০০২.১৭.৩০০').waitFor();
  await anyone.getByLabel('PDF ফাইল').setInputFiles(join(dir, 'memo.pdf'));
  await anyone.getByRole('button', { name: 'মিলিয়ে দেখুন' }).click();
  await anyone.getByText('ফাইলটি হুবহু জারিকৃত স্মারক।').waitFor();
  await anyone.screenshot({ path: join(screenshots, 'verify.png'), fullPage: true });
  // A changed file is not the issued one.
  const changed = Buffer.from(pdf);
  changed[Math.floor(changed.length / 2)] ^= 1;
  writeFileSync(join(dir, 'changed.pdf'), changed);
  await anyone.getByLabel('PDF ফাইল').setInputFiles(join(dir, 'changed.pdf'));
  await anyone.getByRole('button', { name: 'মিলিয়ে দেখুন' }).click();
  await anyone.getByText('ফাইলটি জারিকৃত স্মারকের সাথে মেলে না').waitFor();
});
