// For day.test.mjs: a person's browser (phone or desktop, Bangla or
// English, with or without JavaScript) and `look(name)`, what is checked on
// every page they see: no sideways scrolling on a phone, no serious or
// critical axe-core violation, and a screenshot.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { login } from './login.mjs';
import { root, screenshots } from './demo.mjs';

const shots = join(screenshots, 'day');
mkdirSync(shots, { recursive: true });

const AXE = join(root, 'node_modules/axe-core/axe.min.js');

/** Who walks, by the name their screenshots carry. */
export const PEOPLE = {
  secretary: 'secretary',
  chair: 'chair',
  district: 'dc.dinajpur',
  admin: 'admin',
  viewer: 'viewer',
};

/** A phone (390 px, touch) or an office desktop (1366 px). */
const SCREENS = {
  390: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  1366: { viewport: { width: 1366, height: 768 } },
};

/** Interface words the walk looks for, [Bangla, English] (app/src/i18n.rs). */
const WORDS = {
  meetings: ['সভাসমূহ', 'Meetings'],
  my: ['আমার কাজ', 'My work'],
  dashboard: ['ড্যাশবোর্ড', 'Dashboard'],
  assignment: ['সিদ্ধান্ত বাস্তবায়ন', 'Carrying out a decision'],
  search: ['খুঁজুন', 'Search'],
  account: ['আমার অ্যাকাউন্ট', 'My account'],
  users: ['ব্যবহারকারী', 'Users'],
  offices: ['দপ্তরসমূহ', 'Offices'],
  people: ['ব্যক্তিবর্গ', 'People'],
  holidays: ['সরকারি ছুটি', 'Public holidays'],
  audit: ['পরিবর্তনের ইতিহাস', 'Audit trail'],
  login: ['লগইন করুন', 'Sign in'],
  mine: ['আমার দপ্তরের সিদ্ধান্ত', "My office's decisions"],
  switch: ['English', 'বাংলা'],
};

const word = (lang, key) => WORDS[key][lang === 'en' ? 1 : 0];

/**
 * Signs in through the login form once, in a Bangla phone browser, and
 * returns the cookies for the browsers this person opens later. (The login
 * form takes 20 attempts per address in 5 minutes: one each is plenty.)
 */
export async function signIn(browser, baseUrl, username) {
  const context = await browser.newContext(SCREENS[390]);
  const page = await context.newPage();
  await login(page, baseUrl, username);
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  const state = await context.storageState();
  await context.close();
  return state;
}

/** Descriptions of what sticks out past the right edge (the outermost such elements, then the innermost). */
function overflowing() {
  const limit = document.documentElement.clientWidth + 0.5;
  const describe = (el) => {
    const r = el.getBoundingClientRect();
    const cls = [...el.classList].map((c) => `.${c}`).join('');
    const text = (el.innerText ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}> "${text}" is ${Math.round(r.width)} px wide (left ${Math.round(r.left)}, right ${Math.round(r.right)})`;
  };
  // Content inside a scrolling or clipping box does not move the page.
  const clipped = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== 'visible') return true;
    }
    return false;
  };
  const over = [...document.body.querySelectorAll('*')].filter((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.right > limit && !clipped(el);
  });
  const outer = over.filter((el) => !over.includes(el.parentElement));
  const inner = over.filter((el) => !over.some((o) => o !== el && el.contains(o)));
  return [...new Set([...outer.slice(0, 3), ...inner.slice(0, 3)])].map(describe);
}

/** Text boxes and lists under 120 px wide (a third of a phone): what is typed or chosen cannot be read. */
function narrowFields() {
  const fields = document.querySelectorAll('main select, main textarea, main input:not([type=hidden],[type=checkbox],[type=radio],[type=submit],[type=button],[type=file])');
  return [...fields]
    .filter((el) => el.getClientRects().length && el.getBoundingClientRect().width < 120)
    .map((el) => `${el.tagName.toLowerCase()}[name="${el.name}"] is ${Math.round(el.getBoundingClientRect().width)} px wide`);
}

/**
 * The browsers of one test. `open` starts one person's browser; what `look`
 * finds on its pages is gathered in `problems`, and `check()` at the test's
 * end fails on any (so one run lists every page's problems). Minor and
 * moderate axe findings only go to the test's log.
 */
export function browsers(demo, t) {
  const problems = [];
  const notes = [];
  const contexts = [];
  return {
    problems,
    open: (state, how) => openBrowser(demo, state, how, { problems, notes, contexts }),
    async close() {
      for (const c of contexts) await c.close();
      for (const n of notes) t.diagnostic(n);
      for (const p of problems) t.diagnostic(`problem: ${p}`);
    },
    check() {
      assert.deepEqual(problems, [], 'what the people ran into (the problems above, one line each)');
    },
  };
}

async function openBrowser(demo, state, { who, lang, width, js }, { problems, notes, contexts }) {
  const context = await demo.browser.newContext({ ...SCREENS[width], storageState: state, javaScriptEnabled: js });
  contexts.push(context);
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  if (js) {
    page.on('pageerror', (e) => problems.push(`${page.url()}: script error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`${page.url()}: console: ${m.text()}`));
  }
  // axe-core needs JavaScript: a page seen without it is checked as a copy
  // of its HTML (scripts taken out, so nothing hydrates) at the same address
  // and screen size, in a browser with JavaScript.
  let auditor = null;
  const audited = async () => {
    if (js) return page;
    if (!auditor) {
      const c = await demo.browser.newContext({ ...SCREENS[width], javaScriptEnabled: true });
      contexts.push(c);
      auditor = await c.newPage();
    }
    const html = (await page.content())
      .replace(/<script\b[\s\S]*?<\/script>/gi, '')
      .replace(/<link\b[^>]*\brel="modulepreload"[^>]*>/gi, '');
    const url = page.url();
    await auditor.route((u) => u.href === url, (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
    await auditor.goto(url);
    await auditor.unrouteAll();
    return auditor;
  };
  const tag = `${who}-${lang}-${width}-${js ? 'js' : 'nojs'}`;

  return {
    page,
    js,
    lang,
    word: (key) => word(lang, key),

    /** A check that, failing, is listed with the rest instead of stopping the walk. */
    expect(ok, what) {
      if (!ok) problems.push(`${tag} (${new URL(page.url()).pathname}): ${what}`);
    },

    /** Opens the site and, for English, switches with the header's language control. */
    async start(path = '/') {
      await page.goto(demo.server.baseUrl + path);
      if (lang === 'en') {
        await page.getByRole('button', { name: word('bn', 'switch'), exact: true }).click();
        await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
      }
    },

    /** The checks on the page as it is now, and its screenshot. */
    async look(name) {
      const where = `${tag}-${name} (${new URL(page.url()).pathname})`;
      assert.equal(await page.locator('html').getAttribute('lang'), lang, `${where}: the page's language`);
      // An island (the agenda, the editor) is looked at once it works.
      if (js && (await page.locator('leptos-island').count())) {
        await page.locator('body[data-hydrated="true"]').waitFor({ state: 'attached', timeout: 30_000 });
      }
      await page.screenshot({ path: join(shots, `${tag}-${name}.png`), fullPage: true });
      if (width === 390) {
        const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
        if (scroll > client) {
          const what = await page.evaluate(overflowing);
          problems.push(`${where}: scrolls sideways, ${scroll} px wide in ${client} px: ${what.join('; ')}`);
        }
        for (const what of await page.evaluate(narrowFields)) problems.push(`${where}: too narrow to read on a phone: ${what}`);
      }
      const target = await audited();
      await target.addScriptTag({ path: AXE });
      const violations = await target.evaluate(async () => {
        const result = await window.axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          nodes: v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)}`),
        }));
      });
      for (const v of violations) {
        const line = `${where}: axe ${v.id} (${v.impact}): ${v.nodes.slice(0, 3).join(' | ')}${v.nodes.length > 3 ? ` (+${v.nodes.length - 3} more)` : ''}`;
        (['serious', 'critical'].includes(v.impact) ? problems : notes).push(line);
      }
    },
  };
}
