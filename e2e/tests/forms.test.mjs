// Browser tests for everyday form use: the confirmation after a save in a status region, the error
// summary link that moves focus to the field, a conflict between two tabs, and labels that do not
// break mid-word on a phone.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { launchBrowser, newContext, saveFailureArtifacts } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';
import { createPerson, isDossierUrl, newPersonData, signIn, submitPersonForm } from '../lib/wegwijs.mjs';

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

/** Runs `fn(context, page)` in a fresh signed-in context; saves a screenshot on failure. */
async function signedIn(t, options, fn) {
  const context = await newContext(browser, server.baseURL, options);
  const page = await context.newPage();
  try {
    await signIn(page);
    await fn(context, page);
  } catch (err) {
    for (const p of context.pages()) {
      for (const file of await saveFailureArtifacts(p, `${t.name}-${context.pages().indexOf(p)}`)) {
        t.diagnostic(`saved ${file}`);
      }
    }
    console.error(server.log().split('\n').slice(-30).join('\n'));
    throw err;
  } finally {
    await context.close().catch(() => {});
  }
}

/** The status region holding `text` (screen readers announce it; the script re-inserts it). */
function status(page, text) {
  return page.getByRole('status').filter({ hasText: text });
}

/** The value shown beside a label on the dossier. */
async function dossierValue(page, label) {
  return page.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]').innerText();
}

test('saving shows "Gegevens opgeslagen" in a status region', { timeout: TEST_TIMEOUT }, async (t) => {
  await signedIn(t, {}, async (_context, page) => {
    await createPerson(page, newPersonData());
    await status(page, 'Persoon aangemaakt').waitFor();
    await page.getByRole('link', { name: 'Gegevens wijzigen' }).click();
    await page.getByLabel('Talen', { exact: true }).fill('Arabisch, Engels');
    await submitPersonForm(page);
    await page.waitForURL(isDossierUrl);
    await status(page, 'Gegevens opgeslagen').waitFor();
    assert.equal(await page.locator('.melding').getAttribute('role'), 'status');
    assert.equal(await dossierValue(page, 'Talen'), 'Arabisch, Engels');
  });
});

test('saving without a change says so, and a reload does not repeat a confirmation', { timeout: TEST_TIMEOUT }, async (t) => {
  await signedIn(t, {}, async (_context, page) => {
    await createPerson(page, newPersonData());
    await status(page, 'Persoon aangemaakt').waitFor();
    // Once shown, the confirmation leaves the address bar (no JavaScript: it simply stays there).
    await page.waitForFunction(() => !new URL(window.location.href).searchParams.has('melding'));
    await page.reload();
    assert.equal(await page.locator('.melding[role="status"]').count(), 0, 'not shown again after a reload');
    const versie = await page.getByText(/Versie \d+/).innerText();

    await page.getByRole('link', { name: 'Gegevens wijzigen' }).click();
    await submitPersonForm(page);
    await page.waitForURL(isDossierUrl);
    await status(page, 'Er was niets gewijzigd').waitFor();
    assert.equal(await page.locator('.melding[role="status"]').filter({ hasText: 'Gegevens opgeslagen' }).count(), 0);
    assert.equal(await page.getByText(/Versie \d+/).innerText(), versie, 'no new version');
  });
});

test('a link in the error summary moves focus to its field', { timeout: TEST_TIMEOUT }, async (t) => {
  await signedIn(t, {}, async (_context, page) => {
    await page.goto('/personen/nieuw');
    await page.locator('#voornamen').fill('Amira');
    await page.locator('#geboortedatum').fill('31-02-2001');
    const res = await submitPersonForm(page);
    assert.equal(res.status(), 422);
    const link = page.getByRole('link', { name: 'Geslachtsnaam: dit veld is verplicht.' });
    await link.waitFor();
    // The page puts focus on the summary first, so keyboard users start there.
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('foutsamenvatting')), true);
    await link.click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'geslachtsnaam');
    await page.getByRole('link', { name: 'Geboortedatum: deze datum bestaat niet.' }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'geboortedatum');
    // The hint says what the field wants, in the format the field shows.
    assert.match(await page.locator('#geboortedatum-hint').innerText(), /Dag-maand-jaar/);
    assert.equal(await page.locator('#geboortedatum').inputValue(), '31-02-2001');
  });
});

test('a conflict between two tabs shows labels and Dutch values and keeps the colleague\'s fields', { timeout: TEST_TIMEOUT }, async (t) => {
  await signedIn(t, {}, async (context, tab1) => {
    await createPerson(tab1, newPersonData());
    const dossier = new URL(tab1.url()).pathname;
    const tab2 = await context.newPage();
    await tab1.goto(`${dossier}/bewerken`);
    await tab2.goto(`${dossier}/bewerken`);

    // Tab 2 (a colleague, or the same user elsewhere) saves first.
    await tab2.getByLabel('Tolk nodig', { exact: true }).selectOption('ja');
    await tab2.getByLabel('Taal van de tolk', { exact: true }).fill('Tigrinya');
    await tab2.getByLabel('Datum huisvesting', { exact: true }).fill('15-01-2025');
    await submitPersonForm(tab2);
    await tab2.waitForURL(isDossierUrl);

    // Tab 1 saves its own change on the old version.
    await tab1.getByLabel('Talen', { exact: true }).fill('Arabisch');
    const res = await submitPersonForm(tab1);
    assert.equal(res.status(), 409);
    assert.match(await tab1.locator('h1').innerText(), /bewerken$/);
    // Both tabs are this user's own: the page says so instead of naming the user as someone else.
    await tab1.getByRole('heading', { name: 'U heeft dit dossier intussen zelf gewijzigd (in een ander venster)' }).waitFor();
    const table = tab1.getByRole('table', { name: 'Gewijzigd in het andere venster' });
    const row = async (label) => (await table.getByRole('row', { name: new RegExp(`^${label}`) }).innerText()).replace(/\s+/g, ' ');
    // Fields this tab never touched are not shown as "Uw invoer" with the value the form was opened with.
    assert.match(await row('Tolk nodig'), /^Tolk nodig Ja niet door u gewijzigd de opgeslagen waarde$/);
    assert.match(await row('Taal van de tolk'), /Tigrinya niet door u gewijzigd/);
    assert.match(await row('Datum huisvesting'), /15 januari 2025/);
    assert.doesNotMatch(await table.innerText(), /tolkNodig|tolkTaal|2025-01-15/);
    // The form now holds the colleague's values where this tab changed nothing.
    assert.equal(await tab1.getByLabel('Taal van de tolk', { exact: true }).inputValue(), 'Tigrinya');
    assert.equal(await tab1.getByLabel('Talen', { exact: true }).inputValue(), 'Arabisch');

    // On a phone the table stacks: nothing cut off, no sideways scrolling of the page or the alert.
    await tab1.setViewportSize({ width: 390, height: 844 });
    const overflow = await tab1.evaluate(() => {
      const alert = document.querySelector('.foutsamenvatting');
      return {
        page: document.documentElement.scrollWidth - window.innerWidth,
        alert: alert.scrollWidth - alert.clientWidth,
      };
    });
    assert.deepEqual(overflow, { page: 0, alert: 0 }, 'conflict table fits at 390 px');
    await tab1.setViewportSize({ width: 1280, height: 900 });

    await submitPersonForm(tab1);
    await tab1.waitForURL(isDossierUrl);
    await status(tab1, 'Gegevens opgeslagen').waitFor();
    assert.equal(await dossierValue(tab1, 'Taal van de tolk'), 'Tigrinya');
    assert.equal(await dossierValue(tab1, 'Tolk nodig'), 'Ja');
    assert.equal(await dossierValue(tab1, 'Datum huisvesting'), '15 januari 2025');
    assert.equal(await dossierValue(tab1, 'Talen'), 'Arabisch');
  });
});

test('at 390 px labels and headings break between words, never inside one', { timeout: TEST_TIMEOUT }, async (t) => {
  await signedIn(t, { viewport: { width: 390, height: 844 } }, async (_context, page) => {
    await createPerson(page, newPersonData());
    const dossier = new URL(page.url()).pathname;
    for (const url of [dossier, `${dossier}/bewerken`, `${dossier}/huishouden`, '/caseload']) {
      await page.goto(url);
      const split = await page.evaluate(() => {
        const broken = [];
        for (const el of document.querySelectorAll('h1, h2, dt, label, legend, th, .navigatie a')) {
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            // A break after a hyphen ("Al-\nSchaduwoun") is a break between word parts, allowed.
            for (const m of node.textContent.matchAll(/[^\s\-‐–]+/g)) {
              const range = document.createRange();
              range.setStart(node, m.index);
              range.setEnd(node, m.index + m[0].length);
              const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
              if (lines.size > 1) broken.push(`${el.tagName}: ${m[0]}`);
            }
          }
        }
        return broken;
      });
      assert.deepEqual(split, [], `${url}: words split over lines`);
    }
  });
});
