// Every role's day, as its people live it (issue: "walk each role's day"):
// on a 390 px phone and a 1366 px desktop, in Bangla and in English, with
// and without JavaScript. On every page seen: no sideways scrolling on the
// phone, no serious or critical axe-core violation, and a screenshot in
// end2end/screenshots/day/<role>-<lang>-<width>-<js|nojs>-<page>.png.
//
// First each role reads its pages in four browsers (the walk); then the
// day's work is done in Bangla on a phone and at a desk, each with and
// without JavaScript: the secretary drafts and submits minutes, the chair returns them
// and, once resubmitted, approves them through the confirmation; the
// district office reports its part; the secretary verifies the
// report from the queue on /my (after a wrong file, refused, is replaced
// without retyping the note); the admin creates a user and grants a role,
// and finds the day in the audit trail.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useDemo } from '../support/demo.mjs';
import { browsers, PEOPLE, signIn } from '../support/day.mjs';

/** Each person signs in once through the form; their browsers share the cookies. */
const signedIn = {};
const demo = useDemo({
  async setup(demo) {
    for (const [who, username] of Object.entries(PEOPLE)) {
      signedIn[who] = await signIn(demo.browser, demo.server.baseUrl, username);
    }
  },
});

const dir = mkdtempSync(join(tmpdir(), 'sidhanto-day-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const SEED_TITLE = /৪র্থ ত্রৈমাসিক সভার কার্যবিবরণী/;

/**
 * The walk's browsers: each screen width in each language once, and each
 * JavaScript setting at both widths and in both languages. (All eight
 * combinations for every role would take the file past four minutes.)
 */
const WALKS = [
  { lang: 'bn', width: 390, js: false },
  { lang: 'en', width: 390, js: true },
  { lang: 'bn', width: 1366, js: true },
  { lang: 'en', width: 1366, js: false },
];

/** Who has a "My work" page: what their office owes, and reports to verify. */
const HAS_WORK = new Set(['secretary', 'chair', 'district']);

const h1 = (page, name) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();

/** The header's link to a page ("My work" may be followed by the count of reports waiting). */
const navLink = (page, name) =>
  page.getByRole('navigation').getByRole('link', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`) });

/** Follows a link of the header's navigation to the page of that name. */
async function follow(v, key) {
  await navLink(v.page, v.word(key)).click();
  await h1(v.page, v.word(key));
  await v.look(key);
}

/** One role's pages, read in one browser. */
async function walk(v, who) {
  const { page } = v;
  await v.start('/');
  await h1(page, v.word('meetings'));
  await v.look('meetings');

  await page.getByRole('main').getByRole('link', { name: SEED_TITLE }).click();
  await page.getByRole('heading', { level: 1, name: SEED_TITLE }).waitFor();
  await v.look('meeting');

  // One office's part of a decision: the district office's from its list of
  // work, everyone else's from the meeting's implementation table.
  if (who === 'district') {
    await follow(v, 'my');
    await page.getByRole('heading', { level: 2, name: v.word('mine') }).waitFor();
    await page.locator('table.assignments').getByRole('link', { name: v.lang === 'en' ? '01.1' : '০১.১', exact: true }).click();
  } else {
    await page.locator('section.implementation a[href^="/assignments/"]').first().click();
  }
  await h1(page, v.word('assignment'));
  await page.getByText(SEED_TITLE).first().waitFor();
  await v.look('assignment');

  assert.equal(await navLink(page, v.word('my')).count(), HAS_WORK.has(who) ? 1 : 0, '"My work" in the header');
  if (HAS_WORK.has(who) && who !== 'district') await follow(v, 'my');
  await follow(v, 'dashboard');

  // The header's search box: a plain GET form.
  const box = page.getByRole('navigation').getByRole('searchbox');
  await box.fill('পরিবীক্ষণ');
  await box.press('Enter');
  await h1(page, v.word('search'));
  await page.locator('ol.hits li').first().waitFor();
  await v.look('search');

  await page.getByRole('navigation').locator('a.who').click();
  await h1(page, v.word('account'));
  await v.look('account');

  if (who === 'admin') {
    for (const key of ['users', 'offices', 'people', 'holidays', 'audit']) await follow(v, key);
  } else {
    assert.equal(await navLink(page, v.word('users')).count(), 0, 'no admin pages in the header');
  }
}

for (const who of Object.keys(PEOPLE)) {
  for (const how of WALKS) {
    const named = `${how.lang === 'en' ? 'English' : 'Bangla'}, ${how.width} px, ${how.js ? 'with' : 'without'} JavaScript`;
    test(`${who} reads their pages (${named})`, async (t) => {
      const day = browsers(demo, t);
      try {
        await walk(await day.open(signedIn[who], { who, ...how }), who);
      } finally {
        await day.close();
      }
      // Every problem is listed in the test's log ("# problem: …").
      day.check();
    });
  }
}

test('the login page (signed out), in both languages and widths', async (t) => {
  const day = browsers(demo, t);
  try {
    for (const how of WALKS) {
      const v = await day.open(undefined, { who: 'signed-out', ...how });
      await v.start('/login');
      await h1(v.page, v.word('login'));
      await v.look('login');
    }
  } finally {
    await day.close();
  }
  day.check();
});

// ---------------------------------------------------------------------------
// The day's work in Bangla, on a phone and at a desk, each with JavaScript and
// without.

/** The minutes of this run, so the four runs never find each other's. */
function minutesOf(js, width) {
  const run = `${js ? 'জাভাস্ক্রিপ্টসহ' : 'জাভাস্ক্রিপ্ট ছাড়া'}, ${width === 390 ? 'ফোনে' : 'ডেস্কে'}`;
  return {
    title: `সেবা প্রদান প্রতিশ্রুতি বিষয়ক বিশেষ সভার কার্যবিবরণী (${run})`,
    venue: 'বিভাগীয় কমিশনারের সম্মেলন কক্ষ, রংপুর',
    chairName: 'মো: হাবিবুর রহমান',
    chairDesignation: 'বিভাগীয় কমিশনার',
    subject: 'সেবা প্রদান প্রতিশ্রুতি হালনাগাদকরণ',
    decision: `দিনাজপুর জেলার সেবা প্রদান প্রতিশ্রুতি ওয়েবসাইটে হালনাগাদ করতে হবে (${run})।`,
    implementer: 'dc-dinajpur',
    label: 'জেলা প্রশাসক, দিনাজপুর।',
    comment: 'সিদ্ধান্তের বাস্তবায়নকারীর নাম আবার দেখুন।',
    note: 'ওয়েবসাইটে হালনাগাদ করা হয়েছে।',
  };
}

/** Opens the meeting from the list of meetings, as anyone would. */
async function openMeeting(v, title) {
  await v.start('/');
  await v.page.getByRole('main').getByRole('link', { name: title, exact: true }).click();
  await v.page.getByRole('heading', { level: 1, name: title }).waitFor();
}

const workflowSays = (v, text) => v.page.locator('#workflow').getByText(text).waitFor();

/** The secretary writes the minutes in the editor and sends them to the chair. */
async function secretaryDrafts(v, m) {
  const { page, js } = v;
  const hydrated = () => (js ? page.locator('body[data-hydrated="true"]').waitFor({ state: 'attached', timeout: 30_000 }) : null);
  await v.start('/');
  await page.getByRole('link', { name: '+ নতুন সভার কার্যবিবরণী' }).click();
  await h1(page, 'নতুন সভার কার্যবিবরণী');
  await v.look('new');
  await page.getByLabel('শিরোনাম', { exact: true }).fill(m.title);
  await page.getByLabel('স্থান', { exact: true }).fill(m.venue);
  await page.getByLabel('সভাপতি: নাম').fill(m.chairName);
  await page.getByLabel('সভাপতি: পদবি').fill(m.chairDesignation);
  await page.getByRole('button', { name: 'খসড়া তৈরি করুন' }).first().click();
  await h1(page, 'কার্যবিবরণী সম্পাদনা');

  // The rows first (each button is a plain submit that saves the form), then
  // the text, so no autosave is under way when a button posts the form.
  for (const [button, appears] of [
    ['+ আলোচ্যসূচি যোগ করুন', 'agenda[0].subject'],
    ['+ সিদ্ধান্ত যোগ করুন', 'agenda[0].decisions[0].text'],
    ['+ বাস্তবায়নকারী যোগ করুন', 'agenda[0].decisions[0].implementers[0].label'],
  ]) {
    await hydrated();
    await page.getByRole('button', { name: button }).click();
    await page.locator(`[name="${appears}"]`).waitFor();
  }
  await hydrated();
  const decision = page.locator('fieldset.decision');
  await page.getByLabel('বিষয়', { exact: true }).fill(m.subject);
  await decision.getByLabel('সিদ্ধান্ত', { exact: true }).fill(m.decision);
  await decision.getByLabel('দপ্তর', { exact: true }).selectOption(m.implementer);
  await decision.getByLabel('কলামে যেভাবে ছাপা হবে').fill(m.label);
  if (js) {
    // Saved by itself 1.2 s after the last change: the stored minutes have
    // the last field typed.
    await page.waitForTimeout(1500);
    await page.getByRole('status').filter({ hasText: 'স্বয়ংক্রিয়ভাবে সংরক্ষিত।' }).waitFor();
    const stored = page.url().replace(/\/edit(#.*)?$/, '/minutes.json');
    for (let tries = 0; ; tries++) {
      const saved = await (await page.request.get(stored)).json();
      if (saved.agenda[0]?.decisions[0]?.implementers[0]?.label === m.label) break;
      assert.ok(tries < 50, 'the autosave stored the last field typed');
      await page.waitForTimeout(200);
    }
  } else {
    await page.getByRole('button', { name: 'সংরক্ষণ করুন' }).first().click();
    await page.getByText('সংরক্ষিত হয়েছে।').waitFor();
  }
  // Saved: no field may still say it is empty.
  const stale = await page.locator('.field-error').filter({ hasText: 'এটি পূরণ করতে হবে।' }).count();
  v.expect(stale === 0, `${stale} filled fields still say "এটি পূরণ করতে হবে।" after the save`);
  await v.look('editor');

  await page.getByRole('link', { name: '← সভার পাতা' }).click();
  await page.getByRole('heading', { level: 1, name: m.title }).waitFor();
  await page.getByText(m.decision).waitFor();
  await v.look('draft');
  await page.getByRole('button', { name: 'সভাপতির অনুমোদনের জন্য পাঠান' }).click();
  await workflowSays(v, 'সভাপতির কাছে পাঠানো হয়েছে।');
  await v.look('submitted');
}

/** The chair finds the minutes waiting on "my work", and returns them with a comment. */
async function chairReturns(v, m) {
  const { page } = v;
  await v.start('/');
  await navLink(page, 'আমার কাজ').click();
  const waiting = page.locator('section.to-approve');
  await waiting.getByRole('heading', { level: 2, name: /আপনার অনুমোদনের অপেক্ষায়/ }).waitFor();
  await waiting.getByRole('link', { name: m.title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: m.title }).waitFor();
  await workflowSays(v, 'সভাপতির অনুমোদনের অপেক্ষায়');
  await v.look('to-approve');
  await v.page.getByLabel('মন্তব্য (ফেরত পাঠালে আবশ্যক)').fill(m.comment);
  await v.page.getByRole('button', { name: 'মন্তব্যসহ ফেরত পাঠান' }).click();
  await workflowSays(v, 'মন্তব্যসহ ফেরত পাঠানো হয়েছে।');
  await v.look('returned');
}

/** The secretary reads the chair's comment and sends the minutes again. */
async function secretaryResubmits(v, m) {
  await openMeeting(v, m.title);
  await workflowSays(v, m.comment);
  await v.look('comment');
  await v.page.getByRole('button', { name: 'সভাপতির অনুমোদনের জন্য পাঠান' }).click();
  await workflowSays(v, 'সভাপতির কাছে পাঠানো হয়েছে।');
  await v.look('resubmitted');
}

/** The chair approves; issuing asks first, on a page of its own. */
async function chairApproves(v, m) {
  const { page } = v;
  await openMeeting(v, m.title);
  await page.getByRole('link', { name: 'অনুমোদন করুন ও জারি করুন' }).click();
  await page.waitForURL(/[?&]confirm=approve/);
  await page.getByRole('alert').getByText('জারি করবেন?').waitFor();
  await v.look('confirm');
  await page.getByRole('button', { name: 'হ্যাঁ, জারি করুন' }).click();
  await workflowSays(v, 'অনুমোদিত ও জারি হয়েছে।');
  assert.equal(await page.locator('#workflow .status-line strong').innerText(), 'জারিকৃত');
  await page.getByText('স্মারক নম্বর').first().waitFor();
  await v.look('issued');
}

/** The district office's row for this run's decision on a list of work. */
const rowOf = (page, where, m) => page.locator(`${where} table.assignments tbody tr`).filter({ hasText: m.decision });

/** The district office finds the new decision in its work. */
async function districtOpens(v, m) {
  const { page } = v;
  await v.start('/');
  await follow(v, 'my');
  const row = rowOf(page, 'main', m);
  assert.match(await row.innerText(), /শুরু হয়নি/);
  await row.getByRole('link', { name: '০১.১', exact: true }).click();
  await h1(page, 'সিদ্ধান্ত বাস্তবায়ন');
  await page.getByText(m.decision).waitFor();
  await v.look('assignment');
}

/**
 * The district office reports it done with its note, but attaches a file
 * that is not evidence (a text file): refused beside the file field, and
 * the note and status come back as typed.
 */
async function districtAttachesAWrongFile(v, m) {
  const { page } = v;
  const wrong = join(dir, 'notes.txt');
  writeFileSync(wrong, 'not a PDF, an image or an office file');
  await page.getByLabel('নতুন অবস্থা').selectOption('done');
  await page.getByLabel('মন্তব্য', { exact: true }).fill(m.note);
  await page.getByLabel(/প্রমাণক/).setInputFiles(wrong);
  await page.getByRole('button', { name: 'জমা দিন' }).click();
  await page.locator('#evidence-error').getByText('এই ধরনের ফাইল নেওয়া হয় না').waitFor();
  assert.equal(await page.getByLabel(/প্রমাণক/).getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByLabel('মন্তব্য', { exact: true }).inputValue(), m.note, 'the note is kept');
  assert.equal(await page.getByLabel('নতুন অবস্থা').inputValue(), 'done', 'the status is kept');
  assert.equal(await page.locator('ol.events li').count(), 0, 'nothing was recorded');
  await v.look('wrong-file');
}

/** The district office attaches the right file, without retyping its note. */
async function districtReports(v, m) {
  const { page } = v;
  const evidence = join(dir, 'citizen-charter-dinajpur.pdf');
  writeFileSync(evidence, '%PDF-1.4\n% the updated citizen charter of Dinajpur\n%%EOF\n');
  await page.getByLabel(/প্রমাণক/).setInputFiles(evidence);
  await page.getByRole('button', { name: 'জমা দিন' }).click();
  await page.getByRole('status').filter({ hasText: 'অগ্রগতি জমা হয়েছে।' }).waitFor();
  await page.getByRole('link', { name: 'citizen-charter-dinajpur.pdf' }).waitFor();
  assert.equal(await page.locator('strong.status').innerText(), 'সম্পন্ন (যাচাইয়ের অপেক্ষায়)');
  await v.look('reported');
}

/** The secretary finds the report in the queue on /my and verifies it. */
async function secretaryVerifies(v, m) {
  const { page } = v;
  await v.start('/');
  await navLink(page, 'আমার কাজ').click();
  const queue = page.locator('section.to-verify');
  await queue.getByRole('heading', { level: 2, name: 'আপনার যাচাইয়ের অপেক্ষায় (১)' }).waitFor();
  await v.look('queue');
  await rowOf(page, 'section.to-verify', m).getByRole('link', { name: '০১.১', exact: true }).click();
  await h1(page, 'সিদ্ধান্ত বাস্তবায়ন');
  await page.getByText(m.note).waitFor();
  await page.getByRole('link', { name: 'citizen-charter-dinajpur.pdf' }).waitFor();
  await v.look('review');
  await page.getByRole('button', { name: 'যাচাই সম্পন্ন' }).click();
  await page.getByRole('status').filter({ hasText: 'যাচাই সম্পন্ন হয়েছে।' }).waitFor();
  assert.equal(await page.locator('strong.status').innerText(), 'যাচাইকৃত');
  await v.look('verified');
  // Nothing waits any more.
  await navLink(page, 'আমার কাজ').click();
  await page.getByRole('heading', { level: 2, name: 'আমার দপ্তরের সিদ্ধান্ত' }).waitFor();
  assert.equal(await queue.count(), 0, 'the queue is empty');
}

/** The admin looks at the users. */
async function adminVisitsUsers(v) {
  await v.start('/');
  await follow(v, 'users');
  // (On a phone each cell also reads its column's name.)
  await v.page.locator('tbody td').getByText('dc.dinajpur', { exact: true }).waitFor();
}

/**
 * The admin adds an account for an upazila office's officer, with a role,
 * then grants them a second role from their row.
 */
async function adminCreatesAUser(v, js, width) {
  const { page } = v;
  const username = `uno.pirganj.${js ? 'js' : 'nojs'}.${width}`;
  const form = page.locator('#add');
  await form.getByLabel('ব্যবহারকারীর নাম').fill(username);
  await form.getByLabel('নাম', { exact: true }).fill('উপজেলা নির্বাহী অফিসার, পীরগঞ্জ');
  await form.getByLabel(/প্রাথমিক পাসওয়ার্ড/).fill('first-password-1');
  await form.getByLabel('ভূমিকা', { exact: true }).selectOption('implementer');
  await form.getByLabel('দপ্তর', { exact: true }).selectOption('dc-dinajpur');
  await v.look('new-user');
  await form.getByRole('button', { name: 'ব্যবহারকারী তৈরি করুন' }).click();
  await page.getByRole('status').filter({ hasText: 'ব্যবহারকারী তৈরি হয়েছে।' }).waitFor();
  const row = page.locator('tbody tr').filter({ has: page.getByText(username, { exact: true }) });
  await row.locator('ul.plain li').filter({ hasText: 'বাস্তবায়নকারী' }).waitFor();
  await row.getByText('পাসওয়ার্ড ও ভূমিকা').click();
  await row.getByLabel('ভূমিকা', { exact: true }).selectOption('viewer');
  await row.getByLabel('দপ্তর', { exact: true }).selectOption('dc-dinajpur');
  await v.look('grant');
  await row.getByRole('button', { name: 'ভূমিকা দিন' }).click();
  await page.getByRole('status').filter({ hasText: 'ভূমিকা দেওয়া হয়েছে।' }).waitFor();
  await row.locator('ul.plain li').filter({ hasText: 'পাঠক' }).waitFor();
  await v.look('granted');
}

/** The admin finds the day's work in the audit trail. */
async function adminReadsAudit(v) {
  await v.start('/');
  await follow(v, 'audit');
  for (const what of ['অনুমোদিত ও জারিকৃত', 'মন্তব্যসহ ফেরত', 'বাস্তবায়ন অগ্রগতি']) {
    await v.page.locator('table.audit td').filter({ hasText: what }).first().waitFor();
  }
}

for (const width of [390, 1366])
for (const js of [true, false]) {
  const where = width === 390 ? 'on a phone' : 'at a desk';
  test(`the day's work ${where} in Bangla, ${js ? 'with' : 'without'} JavaScript`, async (t) => {
    const m = minutesOf(js, width);
    const day = browsers(demo, t);
    const open = (who) => day.open(signedIn[who], { who, lang: 'bn', width, js });
    try {
      const secretary = await open('secretary');
      const chair = await open('chair');
      const district = await open('district');
      const admin = await open('admin');
      const steps = [
        ['the secretary drafts and submits', () => secretaryDrafts(secretary, m)],
        ['the chair returns them with a comment', () => chairReturns(chair, m)],
        ['the secretary resubmits', () => secretaryResubmits(secretary, m)],
        ['the chair approves, through the confirmation', () => chairApproves(chair, m)],
        ['the district office opens the decision', () => districtOpens(district, m)],
        ['the district office attaches a wrong file', () => districtAttachesAWrongFile(district, m)],
        ['the district office reports it done without retyping', () => districtReports(district, m)],
        ['the secretary verifies the report from the queue', () => secretaryVerifies(secretary, m)],
        ['the admin visits the users', () => adminVisitsUsers(admin)],
        ['the admin creates a user and grants a role', () => adminCreatesAUser(admin, js, width)],
        ['the admin finds the day in the audit trail', () => adminReadsAudit(admin)],
      ];
      // Each step needs the one before: after a failure the rest are skipped.
      let failed = null;
      for (const [name, step] of steps) {
        await t.test(name, { skip: failed ? `after: ${failed}` : false }, async () => {
          try {
            await step();
          } catch (e) {
            failed = name;
            throw e;
          }
        });
      }
    } finally {
      await day.close();
    }
    day.check();
  });
}
