// Each demo role signs in and sees only what it may do; wrong passwords get a
// clear message next to the field; the language switch works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { login } from '../support/login.mjs';
import { screenshots, useDemo } from '../support/demo.mjs';

const demo = useDemo();

const ROLES = [
  { username: 'admin', role: 'প্রশাসক', admin: true },
  { username: 'secretary', role: 'সদস্য সচিব', admin: false },
  { username: 'chair', role: 'সভাপতি', admin: false },
  { username: 'dc.dinajpur', role: 'বাস্তবায়নকারী', admin: false },
  { username: 'viewer', role: 'পাঠক', admin: false },
];

for (const javaScriptEnabled of [true, false]) {
  for (const { username, role, admin } of ROLES) {
    test(`${username} (${javaScriptEnabled ? 'with' : 'without'} JavaScript) sees what the role allows`, async () => {
      const context = await demo.browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await login(page, demo.server.baseUrl, username);
      await page.getByRole('heading', { level: 1, name: 'সভাসমূহ' }).waitFor();
      const nav = page.getByRole('navigation');
      assert.equal(await nav.getByRole('link', { name: 'ব্যবহারকারী' }).count(), admin ? 1 : 0);
      assert.equal(await nav.getByRole('link', { name: 'পরিবর্তনের ইতিহাস' }).count(), admin ? 1 : 0);

      await page.goto(demo.server.baseUrl + '/account');
      await page.getByRole('heading', { level: 2, name: 'আমার ভূমিকা' }).waitFor();
      assert.ok(await page.getByRole('listitem').filter({ hasText: role }).first().isVisible());

      // The server, not the page, is the guard.
      await page.goto(demo.server.baseUrl + '/admin/users');
      if (admin) {
        await page.getByRole('cell', { name: 'dc.dinajpur' }).waitFor();
        await page.goto(demo.server.baseUrl + '/admin/audit');
        await page.getByRole('cell', { name: 'ব্যবহারকারী তৈরি' }).first().waitFor();
        if (javaScriptEnabled) await page.screenshot({ path: join(screenshots, 'audit.png'), fullPage: true });
      } else {
        await page.getByRole('alert').filter({ hasText: 'এ কাজের অনুমতি আপনার নেই।' }).waitFor();
      }

      await page.getByRole('button', { name: 'লগআউট' }).click();
      await page.getByRole('heading', { level: 1, name: 'লগইন করুন' }).waitFor();
      await context.close();
    });
  }
}

test('a wrong password is explained next to the field, and the page switches to English', async () => {
  const page = await demo.browser.newPage();
  await login(page, demo.server.baseUrl, 'chair', 'not-the-password');
  const error = page.locator('#password-error');
  await error.filter({ hasText: 'ব্যবহারকারীর নাম বা পাসওয়ার্ড সঠিক নয়।' }).waitFor();
  assert.equal(await page.getByLabel('পাসওয়ার্ড').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByLabel('ব্যবহারকারীর নাম').inputValue(), 'chair', 'the username is kept');
  await page.screenshot({ path: join(screenshots, 'login-error.png') });

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.getByRole('button', { name: 'বাংলা' }).click();
  await page.getByRole('heading', { level: 1, name: 'লগইন করুন' }).waitFor();
  await page.close();
});
