// Browser test for issue 7's acceptance: the Weert demo regisseur walks one newcomer's whole
// inburgering trajectory: koppeling -> brede intake (conversation, leerbaarheidstoets) -> PIP
// concept -> a decision refused by DUO rule M-4 -> corrected and decided -> the beschikking PDF
// (its text checked with pdftotext) -> a voortgangsgesprek held -> PIP version 2 with the termijn
// unchanged -> the werkvoorraad no longer lists the PIP and review actions for this person.
// Each new page type passes axe (WCAG 2.1 AA, no serious/critical violations); the PIP page is
// checked at 320 px for sideways scrolling.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { launchBrowser, newContext, saveFailureArtifacts } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';
import { signIn } from '../lib/wegwijs.mjs';
import {
  addDays,
  assertAccessible,
  definition,
  dmy,
  downloadOf,
  parseDmy,
  pdfText,
  sidewaysOverflow,
  submitTo,
  today,
} from '../lib/trajectory.mjs';
import { choosePerson, werkvoorraadActions } from '../lib/trajectory_person.mjs';

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
  const pageErrors = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  try {
    await fn(page);
  } catch (err) {
    for (const file of await saveFailureArtifacts(page, t.name)) t.diagnostic(`saved ${file}`);
    t.diagnostic(`page at failure: ${page.url()}`);
    for (const msg of pageErrors) t.diagnostic(`JavaScript error on the page: ${msg}`);
    console.error(`--- server output ---\n${server.log().split('\n').slice(-60).join('\n')}\n---`);
    throw err;
  } finally {
    await context.close().catch(() => {});
  }
}

const h1 = (page, name) => page.getByRole('heading', { level: 1, name }).waitFor();
const status = (page, text) => page.getByRole('status').filter({ hasText: text }).waitFor();

/** The trajectory link on the dossier (the dossier's "Inburgeringstraject" navigation). */
async function viaDossier(page, personId, linkName, pathSuffix) {
  await page.goto(`/personen/${personId}`);
  await page.getByRole('link', { name: linkName, exact: true }).first().click();
  await page.waitForURL((u) => u.pathname === `/personen/${personId}${pathSuffix}`);
}

test('the regisseur walks the whole trajectory of one newcomer', { timeout: 420_000 }, async (t) => {
  await withPage(t, async (page) => {
    await signIn(page);
    const day0 = today();
    // Dates of the path, oldest first: the first PIP is ~100 days old, so its first review is due.
    const koppelingOp = addDays(day0, -130);
    const gesprekOp = addDays(day0, -115);
    const lbtOp = addDays(day0, -114);
    const dagtekening1 = addDays(day0, -100);

    // --- A demo person without koppeling, intake or PIP, whose PIP is overdue ---
    await page.goto('/werkvoorraad');
    await assertAccessible(page, 'werkvoorraad');
    const person = await choosePerson(page, { latestBase: addDays(day0, -120), t });
    t.diagnostic(`person: ${person.naam} (${person.id})`);

    // --- Koppeling ---
    await viaDossier(page, person.id, 'Koppeling en overdracht', '/koppeling');
    await assertAccessible(page, 'koppeling (empty)');
    await page.getByRole('link', { name: 'Koppeling vastleggen' }).click();
    await h1(page, 'Koppeling en overdracht wijzigen');
    await page.getByLabel('Datum koppeling', { exact: true }).fill(dmy(koppelingOp));
    await page.getByLabel('Taakstelling: jaar').fill(String(koppelingOp.getUTCFullYear()));
    await page.getByLabel('Taakstelling: halfjaar').selectOption(koppelingOp.getUTCMonth() < 6 ? '1' : '2');
    await page.getByLabel('AZC-locatie').fill('AZC Budel-Cranendonck');
    await page.getByLabel('Contactpersoon bij COA').fill('J. de Vries');
    await assertAccessible(page, 'koppeling form');
    await submitTo(page, page.getByRole('button', { name: 'Opslaan', exact: true }), 'koppeling-opgeslagen');
    await status(page, 'Koppeling en overdracht opgeslagen');
    assert.equal(dmy(parseDmy(await definition(page, 'Datum koppeling'))), dmy(koppelingOp));
    await assertAccessible(page, 'koppeling');

    // --- Brede intake: one conversation and the leerbaarheidstoets ---
    await viaDossier(page, person.id, 'Brede intake', '/intake');
    await assertAccessible(page, 'intake overview');
    await page.getByRole('link', { name: 'Gesprek toevoegen' }).click();
    await h1(page, 'Gesprek toevoegen');
    await page.getByLabel(/^Datum/).fill(dmy(gesprekOp));
    await page.getByLabel(/^Plaats/).selectOption('gemeentehuis');
    await page.getByLabel('Deelnemers').fill('Inburgeraar, regisseur');
    await page.getByLabel('Taal van de tolk').fill('Arabisch');
    await page.getByLabel('Soort tolk').selectOption('telefonisch');
    await assertAccessible(page, 'intake conversation form');
    await submitTo(page, page.getByRole('button', { name: 'Opslaan', exact: true }), /gesprek/);
    const gesprekken = page.getByRole('region', { name: 'Gesprekken' });
    assert.equal(dmy(parseDmy(await gesprekken.getByRole('rowheader').first().innerText())), dmy(gesprekOp));

    await page.getByRole('link', { name: 'Leerbaarheidstoets', exact: true }).click();
    await h1(page, 'Leerbaarheidstoets');
    await page.getByLabel('Afgenomen', { exact: true }).check();
    await page.getByLabel('Uitslag').selectOption('B1-route haalbaar');
    await page.getByLabel('Datum van de toets').fill(dmy(lbtOp));
    await assertAccessible(page, 'intake section');
    await submitTo(page, page.getByRole('button', { name: 'Opslaan', exact: true }), 'sectie-opgeslagen');
    const lbtRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Leerbaarheidstoets', exact: true }) });
    assert.match(await lbtRow.innerText(), /Compleet/, 'the leerbaarheidstoets counts as complete');

    // --- PIP concept, drafted from the intake ---
    await viaDossier(page, person.id, 'PIP', '/pips');
    await page.getByRole('link', { name: 'Nieuw concept opstellen' }).click();
    await submitTo(page, page.getByRole('button', { name: 'Concept opstellen' }), 'pip-concept');
    if (!new URL(page.url()).pathname.endsWith('/bewerken')) {
      await page.getByRole('link', { name: 'Concept bewerken' }).click();
    }
    await h1(page, /^PIP 1 van .* bewerken$/);
    assert.equal(await page.getByLabel('Leerroute', { exact: true }).inputValue(), 'B',
      'the leerbaarheidstoets "B1-route haalbaar" proposes the B1-route');
    // The onderwijsroute at A2 breaks DUO rule M-4.
    await page.getByLabel('Leerroute', { exact: true }).selectOption('O');
    await page.getByLabel('Niveau', { exact: true }).selectOption('A2');
    await page.getByLabel('Alfabetisering', { exact: true }).selectOption('NVT');
    await page.getByLabel('Intensiteit leerroute (uren)').fill('');
    await page.getByLabel('Invulling participatieverklaringstraject').fill('Workshops kernwaarden bij de bibliotheek');
    await page.getByLabel('Uren participatieverklaringstraject').fill('12');
    await page.getByLabel('Invulling module Arbeidsmarkt en Participatie').fill('');
    await page.getByLabel('Uren module Arbeidsmarkt en Participatie').fill('');
    await page.getByLabel('Ondersteuning en begeleiding door de gemeente').fill('Maandelijks gesprek met de regisseur');
    await page.getByLabel('Verplichtingen van de inburgeraar').fill('De lessen volgen');
    await page.getByLabel('Aantal voortgangsgesprekken').fill('4');
    await assertAccessible(page, 'PIP form');
    await submitTo(page, page.getByRole('button', { name: 'Concept opslaan' }), 'pip-concept');
    await h1(page, /^PIP 1 van /);
    await assertAccessible(page, 'PIP page');
    const pipUrl = new URL(page.url()).pathname;

    // --- Refused: the message names rule M-4 ---
    await page.getByRole('link', { name: 'Vaststellen', exact: true }).click();
    await page.getByLabel('Dagtekening').fill(dmy(dagtekening1));
    await page.getByRole('button', { name: 'Vaststellen', exact: true }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Het PIP is niet vastgesteld' });
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /Regel M-4 \(DUO\): niveau A2 mag niet met de onderwijsroute/);
    await assertAccessible(page, 'PIP decision refused');
    await page.goto(pipUrl);
    assert.equal(await definition(page, 'Status'), 'Concept', 'nothing was decided');

    // --- Corrected and decided ---
    await page.getByRole('link', { name: 'Concept bewerken' }).click();
    await page.getByLabel('Niveau', { exact: true }).selectOption('B1');
    await submitTo(page, page.getByRole('button', { name: 'Concept opslaan' }), 'pip-concept');
    await page.getByRole('link', { name: 'Vaststellen', exact: true }).click();
    await page.getByLabel('Dagtekening').fill(dmy(dagtekening1));
    await submitTo(page, page.getByRole('button', { name: 'Vaststellen', exact: true }), 'pip-vastgesteld');
    await status(page, 'PIP vastgesteld');
    await page.goto(pipUrl);
    assert.equal(await definition(page, 'Status'), 'Vastgesteld');
    assert.equal(dmy(parseDmy(await definition(page, 'Dagtekening'))), dmy(dagtekening1));

    // --- The beschikking as PDF, its text ---
    const pdf = await downloadOf(page, () => page.getByRole('link', { name: 'Beschikking downloaden (PDF)' }).click());
    assert.match(pdf.name, /\.pdf$/);
    assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = await pdfText(pdf.bytes);
    for (const part of person.naam.split(/\s+/)) assert.ok(text.includes(part), `the letter names ${person.naam}: ${part}`);
    assert.match(text, /\bBesluit\b/);
    assert.match(text, /Onderwijsroute/i, 'the leerroute');
    assert.match(text, /bezwaar maken\. Dat moet binnen zes weken/, 'the bezwaar clause');

    // The werkvoorraad now asks for the first review (the PIP is 100 days old), not for the PIP.
    let acties = await werkvoorraadActions(page, person.id);
    assert.ok(acties.some((a) => /Voortgangsgesprek/.test(a)), `review due: ${acties.join(' | ')}`);
    assert.ok(!acties.some((a) => /PIP/.test(a)), `no PIP action: ${acties.join(' | ')}`);

    // --- Voortgang: the termijn, a review held that asks for a new PIP version ---
    await viaDossier(page, person.id, 'Termijn en voortgang', '/voortgang');
    const termijn = page.getByRole('region', { name: 'Inburgeringstermijn' });
    const startBefore = await definition(termijn, 'Start');
    const endBefore = await definition(termijn, 'Laatste dag');
    assert.equal(dmy(parseDmy(startBefore)), dmy(addDays(dagtekening1, 1)), 'the termijn starts the day after the dagtekening');
    await assertAccessible(page, 'voortgang');
    const review = page.locator('details').filter({ has: page.getByText('Voortgangsgesprek plannen of vastleggen') });
    await review.locator('summary').click();
    await review.getByLabel(/^Gepland op/).fill(dmy(day0));
    await review.getByLabel(/^Gehouden op/).fill(dmy(day0));
    await review.getByLabel('Deelnemers').fill('Inburgeraar, regisseur');
    await review.getByLabel('Verslag').fill('Lessen gaan goed; begeleiding bijstellen.');
    await review.getByLabel('Het PIP moet worden aangepast (nieuwe versie)').check();
    await review.getByLabel('Reden voor de nieuwe PIP-versie').selectOption('anders');
    await assertAccessible(page, 'voortgang with the review form open');
    await submitTo(page, review.getByRole('button', { name: 'Gesprek opslaan' }), 'gesprek-opgeslagen');
    await status(page, 'Voortgangsgesprek opgeslagen');

    // --- PIP version 2 from the review ---
    await page.getByRole('link', { name: 'PIP aanpassen: nieuwe versie opstellen' }).click();
    await submitTo(page, page.getByRole('button', { name: 'Concept opstellen' }), 'pip-concept');
    if (!new URL(page.url()).pathname.endsWith('/bewerken')) {
      await page.getByRole('link', { name: 'Concept bewerken' }).click();
    }
    await h1(page, /^PIP 2 van .* bewerken$/);
    await page.getByLabel('Reden van wijziging').selectOption('anders');
    await page.getByLabel('Toelichting', { exact: true }).fill('Bijgesteld na het voortgangsgesprek');
    await page.getByLabel('Ondersteuning en begeleiding door de gemeente').fill('Tweewekelijks gesprek met de regisseur');
    await submitTo(page, page.getByRole('button', { name: 'Concept opslaan' }), 'pip-concept');
    await page.getByRole('link', { name: 'Vaststellen', exact: true }).click();
    await page.getByLabel('Dagtekening').fill(dmy(day0));
    await submitTo(page, page.getByRole('button', { name: 'Vaststellen', exact: true }), 'pip-vastgesteld');
    await page.goto(`/personen/${person.id}/pips`);
    const versies = page.getByRole('table', { name: 'Versies, nieuwste eerst' });
    assert.match(await versies.getByRole('row').filter({ hasText: 'PIP 2' }).innerText(), /Vastgesteld/);
    assert.match(await versies.getByRole('row').filter({ hasText: 'PIP 1' }).innerText(), /Vervangen/);

    // On a phone the PIP page does not scroll sideways (WCAG 1.4.10).
    await versies.getByRole('link', { name: 'PIP 2' }).click();
    await h1(page, /^PIP 2 van /);
    await page.setViewportSize({ width: 320, height: 800 });
    await page.reload();
    assert.equal(await sidewaysOverflow(page), 0, 'the PIP page scrolls sideways at 320 px');
    await page.setViewportSize({ width: 1280, height: 900 });

    // --- The termijn did not move ---
    await page.goto(`/personen/${person.id}/voortgang`);
    assert.equal(await definition(termijn, 'Start'), startBefore, 'termijn start unchanged by PIP 2');
    assert.equal(await definition(termijn, 'Laatste dag'), endBefore, 'termijn end unchanged by PIP 2');

    // --- The werkvoorraad no longer lists the done actions ---
    acties = await werkvoorraadActions(page, person.id);
    assert.ok(!acties.some((a) => /PIP/.test(a)), `no PIP action left: ${acties.join(' | ')}`);
    assert.ok(!acties.some((a) => /Voortgangsgesprek/i.test(a)), `no review action left: ${acties.join(' | ')}`);
  });
});
