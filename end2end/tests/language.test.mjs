// Every page, as every role, in each language: the interface speaks only the
// chosen language. What people typed (titles, names, decisions) is data and is
// marked with its own language (`lang`), which screen readers need anyway;
// anything else in the other script is an untranslated interface word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { login } from '../support/login.mjs';
import { useDemo } from '../support/demo.mjs';

const demo = useDemo({ setup: makeDraft });

/** A draft, so the walk sees the editor and a draft's page too. */
async function makeDraft(demo) {
  const context = await demo.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await login(page, demo.server.baseUrl, 'secretary');
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.goto(demo.server.baseUrl + '/meetings/new');
  await page.locator('[name="title"]').fill('ভাষা যাচাইয়ের খসড়া');
  await page.locator('[name="venue"]').fill('সম্মেলন কক্ষ');
  await page.locator('[name="chair.name"]').fill('মো: হাবিবুর রহমান');
  await page.locator('[name="chair.designation"]').fill('বিভাগীয় কমিশনার');
  await page.getByRole('button', { name: 'খসড়া তৈরি করুন' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'কার্যবিবরণী সম্পাদনা' }).waitFor();
  // Assignment pages, for every role (some may read them, some are refused).
  const dc = await context.newPage();
  await login(dc, demo.server.baseUrl, 'dc.dinajpur');
  await dc.waitForURL((u) => !u.pathname.startsWith('/login'));
  await dc.goto(demo.server.baseUrl + '/my');
  const hrefs = await dc.$$eval('a[href^="/assignments/"]', (as) => as.map((a) => a.getAttribute('href')));
  PAGES.push(...hrefs.slice(0, 2));
  await context.close();
}

const ROLES = ['admin', 'secretary', 'chair', 'dc.dinajpur', 'viewer'];
const PAGES = ['/', '/my', '/dashboard', '/search?q=সভা', '/search?q=zzzz', '/account', '/meetings/new',
  '/admin/users', '/admin/audit', '/admin/offices', '/admin/people', '/admin/holidays', '/no/such/page',
  '/verify/NOSUCHCODE'];

/** Text the reader sees in the interface's language that is in the other script. */
function foreignText() {
  const ui = document.documentElement.lang;
  // In Bangla, acronyms (PDF, CSV, QR) are written in Latin letters.
  const foreign = ui === 'en' ? /[\u0980-\u09FF]/ : /[A-Za-z]{2,}/;
  const clean = (s) => (ui === 'en' ? s : s.replace(/\b[A-Z]{2,5}s?\b/g, ''));
  const langOf = (el) => el.closest('[lang]')?.getAttribute('lang');
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode()); ) {
    const el = node.parentElement;
    if (el.closest('script,style,noscript,template')) continue;
    if (foreign.test(clean(node.data)) && langOf(el) === ui) found.push(node.data.trim().slice(0, 80));
  }
  const attrs = ['placeholder', 'aria-label', 'title', 'alt'];
  for (const el of document.body.querySelectorAll(attrs.map((a) => `[${a}]`).join(','))) {
    for (const a of attrs) {
      const v = el.getAttribute(a);
      if (v && foreign.test(clean(v)) && langOf(el) === ui) found.push(`${a}="${v.slice(0, 80)}"`);
    }
  }
  for (const el of document.body.querySelectorAll('input[type=submit][value]')) {
    if (foreign.test(clean(el.value)) && langOf(el) === ui) found.push(`value="${el.value}"`);
  }
  return found;
}

/** Pages reachable from the role's lists: meetings, their editors, assignments, verify pages. */
async function linkedPages(page) {
  const found = new Set();
  for (const from of ['/', '/my']) {
    await page.goto(demo.server.baseUrl + from);
    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')));
    const meetings = hrefs.filter((h) => /^\/meetings\/[0-9a-f-]{36}$/.test(h)).slice(0, 3);
    const assignments = hrefs.filter((h) => /^\/assignments\//.test(h)).slice(0, 2);
    for (const h of [...meetings, ...assignments]) found.add(h);
  }
  for (const meeting of [...found].filter((h) => h.startsWith('/meetings/'))) {
    await page.goto(demo.server.baseUrl + meeting);
    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')));
    for (const kind of [/^\/meetings\/.*\/edit$/, /^\/verify\//, /^\/assignments\//]) {
      for (const h of hrefs.filter((h) => kind.test(h)).slice(0, 2)) found.add(h);
    }
  }
  return [...found];
}

for (const lang of ['en', 'bn']) {
  for (const username of ROLES) {
    test(`${username} reads every page in ${lang === 'en' ? 'English' : 'Bangla'} only`, async (t) => {
      const context = await demo.browser.newContext();
      const page = await context.newPage();
      await login(page, demo.server.baseUrl, username);
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await context.addCookies([{ name: 'lang', value: lang, url: demo.server.baseUrl }]);
      const problems = [];
      const linked = await linkedPages(page);
      t.diagnostic(`${PAGES.length + linked.length + 1} pages: ${linked.join(' ')}`);
      for (const path of [...PAGES, ...linked]) {
        await page.goto(demo.server.baseUrl + path);
        assert.equal(await page.locator('html').getAttribute('lang'), lang, path);
        for (const text of await page.evaluate(foreignText)) problems.push(`${path}: ${text}`);
      }
      await context.close();
      const signedOut = await demo.browser.newContext();
      await signedOut.addCookies([{ name: 'lang', value: lang, url: demo.server.baseUrl }]);
      const login_ = await signedOut.newPage();
      await login_.goto(demo.server.baseUrl + '/login');
      for (const text of await login_.evaluate(foreignText)) problems.push(`/login: ${text}`);
      await signedOut.close();
      assert.deepEqual([...new Set(problems)], [], `untranslated text for ${username}`);
    });
  }
}
