// Browser tests for Wegwijs: the server-rendered Dutch UI in Debian's Chromium.
//
// One wegwijs server (fresh SQLite database, demo data) and one browser for the whole file; every
// test gets its own browser context, so its own cookies. On failure a screenshot and the page's HTML
// go to e2e/test-results/, with the server's output in test-results/server.log.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { formatViolations, launchBrowser, newContext, runAxe, saveFailureArtifacts } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';
import {
  DEMO_PASSWORD,
  REGISSEUR_EMAIL,
  breakBsn,
  createPerson,
  errorSummary,
  errorSummaryTargets,
  fillPersonForm,
  isDossierUrl,
  newPersonData,
  newPersonLink,
  passesElfproef,
  randomValidBsn,
  signIn,
  submitPersonForm,
  submitSignIn,
} from '../lib/wegwijs.mjs';

const TEST_TIMEOUT = 120_000;

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, { timeout: 120_000 });

after(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
});

/** Runs `fn(page)` in a fresh context; on failure saves a screenshot and shows the server's output. */
async function withPage(t, options, fn) {
  const context = await newContext(browser, server.baseURL, options);
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  try {
    await fn(page);
  } catch (err) {
    const saved = await saveFailureArtifacts(page, t.name);
    t.diagnostic(`page at failure: ${page.url()}`);
    for (const file of saved) t.diagnostic(`saved ${file}`);
    for (const msg of pageErrors) t.diagnostic(`JavaScript error on the page: ${msg}`);
    const log = server.log().split('\n').slice(-40).join('\n');
    console.error(`--- last lines of the wegwijs server output ---\n${log}\n---`);
    throw err;
  } finally {
    await context.close().catch(() => {});
  }
}

const path = (page) => new URL(page.url()).pathname;

test('self-check: generated BSNs pass the elfproef, broken ones do not', () => {
  for (let i = 0; i < 200; i++) {
    const bsn = randomValidBsn();
    assert.match(bsn, /^99\d{7}$/);
    assert.ok(passesElfproef(bsn), bsn);
    assert.ok(!passesElfproef(breakBsn(bsn)), breakBsn(bsn));
  }
  assert.ok(passesElfproef('111222333'));
  assert.ok(!passesElfproef('111222334'));
});

test('sign in, register a person (bad BSN first), open the dossier, sign out', { timeout: TEST_TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    // Sign in.
    await signIn(page);
    // A regisseur starts on the werkvoorraad (issue 7).
    assert.equal((await page.locator('h1').innerText()).trim(), 'Mijn werkvoorraad');
    const header = await page.getByRole('banner').innerText();
    assert.match(header, /Weert/i, `header shows the gemeente: ${JSON.stringify(header)}`);
    assert.match(header, /regisseur/i, `header shows the role: ${JSON.stringify(header)}`);

    // New person, with a BSN that fails the elfproef.
    const link = newPersonLink(page);
    assert.equal(new URL(await link.getAttribute('href'), page.url()).pathname, '/personen/nieuw');
    await link.click();
    await page.waitForURL((url) => url.pathname === '/personen/nieuw');
    const person = newPersonData();
    const badBsn = breakBsn(person.bsn);
    await fillPersonForm(page, { ...person, bsn: badBsn });
    const rejected = await submitPersonForm(page);
    assert.equal(rejected.status(), 422, 'invalid input is answered with 422');

    // The error summary and the message next to the field.
    const fout = page.locator('#bsn-fout');
    await fout.waitFor();
    const summary = errorSummary(page);
    assert.ok(await summary.isVisible(), 'error summary (role=alert, "Controleer de volgende velden") is shown');
    assert.deepEqual(await errorSummaryTargets(summary), ['#bsn'], 'the summary links to the BSN field only');
    assert.equal(await fout.evaluate((el) => el.tagName), 'P');
    assert.match(await fout.innerText(), /elfproef/i);
    const bsnInput = page.locator('#bsn');
    assert.equal(await bsnInput.getAttribute('aria-invalid'), 'true');
    const describedBy = ((await bsnInput.getAttribute('aria-describedby')) || '').split(/\s+/);
    assert.ok(describedBy.includes('bsn-fout'), `aria-describedby of #bsn is ${JSON.stringify(describedBy)}`);
    assert.notEqual(await page.locator('#voornamen').getAttribute('aria-invalid'), 'true', 'valid fields are not marked invalid');
    // What was typed is still there.
    assert.equal(await bsnInput.inputValue(), badBsn);
    for (const field of ['voornamen', 'tussenvoegsel', 'geslachtsnaam', 'vNummer', 'geboortedatum', 'geslacht']) {
      assert.equal(await page.locator(`#${field}`).inputValue(), person[field], `#${field} kept its value`);
    }

    // Correct the BSN and save.
    await bsnInput.fill(person.bsn);
    await submitPersonForm(page);
    await page.waitForURL(isDossierUrl);
    const h1 = await page.locator('h1').innerText();
    assert.ok(h1.includes(person.voornamen.split(' ')[0]) && h1.includes(person.geslachtsnaam), `dossier heading: ${JSON.stringify(h1)}`);
    const body = await page.locator('body').innerText();
    assert.ok(body.includes(person.bsn) || body.replace(/[\s.]/g, '').includes(person.bsn), `dossier shows BSN ${person.bsn}`);

    // Sign out.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL((url) => url.pathname === '/inloggen');
    assert.ok(await page.getByText('U bent uitgelogd').first().isVisible(), '"U bent uitgelogd" is shown');
    await page.goto('/caseload');
    assert.equal(path(page), '/inloggen', 'after signing out /caseload sends you to /inloggen');
  });
});

test('a wrong password shows an error and starts no session', { timeout: TEST_TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    const wrong = `${DEMO_PASSWORD}-fout`;
    await submitSignIn(page, { email: REGISSEUR_EMAIL, password: wrong });
    await page.waitForLoadState('domcontentloaded');
    const alert = page.getByRole('alert');
    await alert.first().waitFor();
    assert.equal(path(page), '/inloggen', 'stays on the sign-in page');
    assert.notEqual((await alert.first().innerText()).trim(), '', 'the error message has text');
    assert.ok(!(await page.content()).includes(wrong), 'the typed password is not echoed back');
    await page.goto('/caseload');
    assert.equal(path(page), '/inloggen', 'no session: /caseload sends you to /inloggen');
  });
});

test('keyboard: the first Tab on the caseload reaches the skip link, which moves focus to the content', { timeout: TEST_TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    await signIn(page);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      const box = el.getBoundingClientRect();
      return { tag: el.tagName, text: el.textContent.trim(), href: el.getAttribute('href'), width: box.width, height: box.height };
    });
    assert.equal(focused.tag, 'A', `first Tab focuses a link, not ${JSON.stringify(focused)}`);
    assert.equal(focused.text, 'Naar de inhoud');
    assert.ok(focused.width > 1 && focused.height > 1, `the focused skip link is visible (${focused.width}x${focused.height})`);
    assert.match(focused.href || '', /#./, 'the skip link points at an element on the page');

    await page.keyboard.press('Enter');
    const target = focused.href.slice(focused.href.indexOf('#') + 1);
    const moved = await page
      .waitForFunction(
        (id) => {
          const el = document.getElementById(id);
          const main = document.querySelector('main');
          const active = document.activeElement;
          return !!el && !!main && main.contains(el) && (active === el || el.contains(active)) && main.contains(active);
        },
        target,
        { timeout: 5_000 },
      )
      .then(() => true)
      .catch(() => false);
    const where = await page.evaluate(() => {
      const a = document.activeElement;
      return `${a.tagName}${a.id ? '#' + a.id : ''}`;
    });
    assert.ok(moved, `after Enter focus is on #${target} inside <main> (it is on ${where}); the target needs tabindex="-1"`);
  });
});

test('axe: no serious or critical WCAG 2.1 AA violations', { timeout: TEST_TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    const found = [];
    const check = async (label) => {
      const { blocking, other } = await runAxe(page);
      if (other.length) t.diagnostic(`${label}: ${other.length} minor/moderate axe finding(s):\n${formatViolations(other)}`);
      if (blocking.length) found.push(`${label} (${page.url()}):\n${formatViolations(blocking)}`);
    };

    await page.goto('/inloggen');
    await check('/inloggen');

    await signIn(page);
    await check('/caseload');

    await page.goto('/personen/nieuw');
    await check('/personen/nieuw');
    // Missing names and a bad BSN: the form with its error summary and messages.
    const person = newPersonData();
    await fillPersonForm(page, { ...person, voornamen: '', geslachtsnaam: '', bsn: breakBsn(person.bsn) });
    const rejected = await submitPersonForm(page);
    assert.equal(rejected.status(), 422);
    await page.locator('#bsn-fout').waitFor();
    await check('/personen/nieuw with errors');

    await createPerson(page, person);
    await check('dossier');

    assert.equal(found.length, 0, `serious/critical axe violations on ${found.length} page(s):\n${found.join('\n\n')}`);
  });
});

test('at 320 px wide the dossier does not scroll sideways', { timeout: TEST_TIMEOUT }, async (t) => {
  await withPage(t, { viewport: { width: 320, height: 800 } }, async (page) => {
    await signIn(page);
    await createPerson(page);
    const { scrollWidth, culprits } = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const culprits = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > width + 1)
        .slice(0, 10)
        .map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} right=${Math.round(el.getBoundingClientRect().right)}: ${el.outerHTML.slice(0, 120)}`);
      return { scrollWidth: document.scrollingElement.scrollWidth, culprits };
    });
    assert.ok(scrollWidth <= 320 + 1, `scrollWidth ${scrollWidth} > 321; elements reaching past the edge:\n${culprits.join('\n')}`);
  });
});
