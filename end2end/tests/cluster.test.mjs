// The multi-office deployment: two instances behind nginx on one
// PostgreSQL (scripts/cluster). A secretary signs in, drafts and edits
// minutes and submits them; the chair approves. nginx hands the requests to
// both instances in turn, so the session, the draft's version and the memo
// serial must hold across them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { login } from '../support/login.mjs';
import { startCluster } from '../support/cluster.mjs';
import { SEED, useDemo } from '../support/demo.mjs';

// Two instances behind nginx, on one PostgreSQL: `demo.server` is nginx.
const demo = useDemo({ start: startCluster });

/// A signed-in page that notes which instance answered each request.
async function signedIn(username, upstreams, javaScriptEnabled = true) {
  const context = await demo.browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  page.on('response', (r) => {
    const u = r.headers()['x-sidhanto-upstream'];
    if (u) upstreams.add(u);
  });
  await login(page, demo.server.baseUrl, username);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  return page;
}

test('two instances behind nginx: sign in, edit, submit, approve', async () => {
  const upstreams = new Set();
  // Without JavaScript every save is a plain form post (no autosave).
  const secretary = await signedIn('secretary', upstreams, false);
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

  // Edit and save twice: each save goes to the other instance, and each
  // must see the version the other one wrote.
  await secretary.goto(`${meetingUrl}/edit`);
  for (const venue of ['প্রথম সংরক্ষণের স্থান', 'দ্বিতীয় সংরক্ষণের স্থান']) {
    await secretary.locator('[name="venue"]').fill(venue);
    await secretary.getByRole('button', { name: 'সংরক্ষণ করুন' }).first().click();
    await secretary.getByText('সংরক্ষিত হয়েছে।').waitFor();
  }
  await secretary.goto(meetingUrl);
  await secretary.getByText('দ্বিতীয় সংরক্ষণের স্থান').first().waitFor();
  await secretary.getByRole('button', { name: 'সভাপতির অনুমোদনের জন্য পাঠান' }).click();
  await secretary.getByText('সভাপতির কাছে পাঠানো হয়েছে।').waitFor();

  const chair = await signedIn('chair', upstreams);
  await chair.goto(meetingUrl);
  // Issuing asks first: the button leads to the question, which issues.
  await chair.getByRole('link', { name: 'অনুমোদন করুন ও জারি করুন' }).click();
  await chair.getByRole('button', { name: 'হ্যাঁ, জারি করুন' }).click();
  await chair.getByText('অনুমোদিত ও জারি হয়েছে।').waitFor();
  await chair.getByText('০৫.৪৭.০০০০.০০৫.১২.০০২.১৭.৩০০').first().waitFor();
  const pdf = await chair.request.get(`${meetingUrl}/memo.pdf`);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');

  assert.equal(upstreams.size, 2, `both instances answered: ${[...upstreams].join(', ')}`);
});
