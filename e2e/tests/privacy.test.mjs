// Browser test for the privacy officer: an AVG inzage in minutes. A regisseur registers a person;
// the privacy officer finds every processing of that person by BSN in the verwerkingenlog, downloads
// the selection as CSV, and makes the inzage export (PDF) from the person's log.
//
// Own server (fresh SQLite database, demo data) and browser; see wegwijs.test.mjs for the set-up.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import { formatViolations, launchBrowser, newContext, runAxe, saveFailureArtifacts } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';
import { createPerson, newPersonData, signIn, submitSignIn } from '../lib/wegwijs.mjs';

const PRIVACY_EMAIL = 'privacy@weert.example';

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

async function withPage(t, fn) {
  const context = await newContext(browser, server.baseURL);
  const page = await context.newPage();
  try {
    await fn(page);
  } catch (err) {
    const saved = await saveFailureArtifacts(page, t.name);
    t.diagnostic(`page at failure: ${page.url()}`);
    for (const file of saved) t.diagnostic(`saved ${file}`);
    console.error(`--- last lines of the wegwijs server output ---\n${server.log().split('\n').slice(-40).join('\n')}\n---`);
    throw err;
  } finally {
    await context.close().catch(() => {});
  }
}

async function downloadOf(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

test('the privacy officer finds all processing of one person by BSN and exports it', { timeout: 180_000 }, async (t) => {
  const person = newPersonData();
  const fullName = `${person.voornamen} ${person.tussenvoegsel} ${person.geslachtsnaam}`;
  await withPage(t, async (page) => {
    await signIn(page);
    await createPerson(page, person);
    // A second look, so there is more than the registration to find.
    await page.reload();
  });

  await withPage(t, async (page) => {
    await submitSignIn(page, { email: PRIVACY_EMAIL });
    await page.waitForURL((url) => url.pathname === '/verwerkingen');

    await page.getByLabel('Persoon: naam, BSN of V-nummer').fill(person.bsn);
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('persoon') === person.bsn);

    const found = page.getByRole('region', { name: 'Gevonden personen' });
    await assert.doesNotReject(found.getByText(fullName).waitFor());
    const table = page.getByRole('region', { name: 'Verwerkingen' });
    const rows = table.locator('tbody tr');
    assert.ok((await rows.count()) >= 3, 'registration and two reads');
    for (const label of ['Persoon geregistreerd', 'Persoonsgegevens ingezien']) {
      assert.ok((await table.getByRole('cell', { name: label, exact: true }).count()) >= 1, label);
    }
    // Every row of the selection is about this person.
    const names = await table.locator('tbody tr td:nth-child(5)').allInnerTexts();
    assert.ok(names.every((n) => n.trim() === fullName), names.join(' | '));

    const { blocking } = await runAxe(page);
    assert.equal(blocking.length, 0, formatViolations(blocking));

    // The selection as CSV for Dutch Excel.
    const csv = await downloadOf(page, () => page.getByRole('link', { name: /als CSV-bestand/ }).click());
    assert.match(csv.name, /^verwerkingen-\d{4}-\d{2}-\d{2}\.csv$/);
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const text = csv.bytes.toString('utf8');
    assert.match(text, /^\uFEFFTijdstip;Gebruiker;/);
    assert.ok(text.includes(fullName));
    assert.ok(!text.includes(person.bsn), 'the search term is not in the export');

    // The inzage export from the person's log.
    await found.getByRole('link', { name: 'log en inzage-export' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/verwerkingen') && url.pathname.startsWith('/personen/'));
    // Before a file with someone's data goes out: the page says whose it is (name, birth date, the
    // BSN's last three digits), and leads back to the search.
    const betreft = page.getByRole('definition').filter({ hasText: fullName });
    await assert.doesNotReject(betreft.first().waitFor());
    const masked = `******${person.bsn.slice(-3)}`;
    assert.ok((await page.locator('main').innerText()).includes(masked), 'masked BSN shown');
    assert.ok(!(await page.locator('main').innerText()).includes(person.bsn), 'never the whole BSN');
    assert.equal(await page.getByRole('link', { name: /Terug naar het verwerkingenlog/ }).count(), 1);
    await page.getByLabel('PDF', { exact: true }).check();
    const pdf = await downloadOf(page, () => page.getByRole('button', { name: 'Inzage-export maken' }).click());
    assert.match(pdf.name, /^inzage-[0-9a-f-]{36}\.pdf$/);
    assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(pdf.bytes.length > 5_000, `a real document, ${pdf.bytes.length} bytes`);

    // Making the export is itself in the person's log.
    await page.reload();
    await assert.doesNotReject(page.getByRole('cell', { name: /Inzage-export gemaakt/ }).first().waitFor());

    // On a phone (390 px) the table scrolls in its own region; the page itself never sideways
    // (WCAG 1.4.10). The visually hidden texts in the cells used to widen the page by 299 px.
    await page.setViewportSize({ width: 390, height: 800 });
    await page.reload();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.equal(overflow, 0, `page scrolls ${overflow}px sideways at 390 px`);
  });
});
