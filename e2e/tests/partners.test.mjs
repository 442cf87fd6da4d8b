// Browser test for issue 8's acceptance: the Weert regisseur refers a demo person with a PIP to the
// language school; the school (taalschool@weert.example) accepts and starts, sees the person with the
// assigned goal but no health section, and records an absence without notice; the regisseur's
// werkvoorraad then shows the absence; after the regisseur revokes the referral the school no longer
// sees the person. Each new page type passes axe (WCAG 2.1 AA, no serious/critical violations).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { launchBrowser, newContext, saveFailureArtifacts } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';
import { signIn, submitSignIn } from '../lib/wegwijs.mjs';
import { assertAccessible, submitTo } from '../lib/trajectory.mjs';

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

const UUID = /\/personen\/([0-9a-f-]{36})$/i;

/** A page signed in as `email` (the demo password); the caller closes its context. */
async function session(t, email) {
  const context = await newContext(browser, server.baseURL);
  const page = await context.newPage();
  if (email === 'regisseur@weert.example') {
    await signIn(page);
  } else {
    await submitSignIn(page, { email });
    await page.waitForURL((u) => u.pathname === '/verwijzingen');
  }
  return { page, context };
}

async function guarded(t, page, fn) {
  try {
    await fn();
  } catch (err) {
    for (const file of await saveFailureArtifacts(page, t.name)) t.diagnostic(`saved ${file}`);
    t.diagnostic(`page at failure: ${page.url()}`);
    console.error(`--- server output ---\n${server.log().split('\n').slice(-40).join('\n')}\n---`);
    throw err;
  }
}

/** A person of the regisseur's caseload with PIP goals and no referral yet: { id, naam }. */
async function personWithGoals(page) {
  await page.goto('/caseload');
  const hrefs = await page.locator('table tbody tr a[href^="/personen/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const ids = [...new Set(hrefs.map((h) => UUID.exec(h)?.[1]).filter(Boolean))];
  for (const id of ids.slice(0, 60)) {
    await page.goto(`/personen/${id}/verwijzingen`);
    const goals = page.getByRole('group', { name: 'Doelen uit het PIP waar de partner aan werkt' }).getByRole('checkbox');
    if ((await goals.count()) > 0 && (await page.getByText('Nog geen verwijzingen.').count()) > 0) {
      const naam = (await page.getByRole('heading', { level: 1 }).innerText()).replace(/^Verwijzingen van /, '').trim();
      return { id, naam };
    }
  }
  throw new Error(`none of ${ids.length} persons in the caseload has PIP goals and no referral`);
}

test('a referral opens exactly the person and the goal to the school, and closes again', { timeout: 300_000 }, async (t) => {
  // --- The regisseur refers ---
  const r = await session(t, 'regisseur@weert.example');
  let person;
  let referral;
  let goal;
  await guarded(t, r.page, async () => {
    person = await personWithGoals(r.page);
    const page = r.page;
    await assertAccessible(page, 'verwijzen');
    const product = page.getByLabel('Product van de sociale kaart');
    const value = await product.locator('option').filter({ hasText: /Leerroute B1 — Gilde Educatie/ }).first().getAttribute('value');
    await product.selectOption(value);
    await page.getByLabel('Wat vraagt u van de partner?').fill('Leerroute B1, drie dagdelen per week; graag melden als zij niet komt.');
    const first = page.getByRole('group', { name: 'Doelen uit het PIP waar de partner aan werkt' }).getByRole('checkbox').first();
    goal = (await page.locator(`label[for="${await first.getAttribute('id')}"]`).innerText()).replace(/ \([^)]*\)\s*\([0-9a-f-]{36}\)$/, '').replace(/ \([0-9a-f-]{36}\)$/, '').trim();
    await first.check();
    const landed = await submitTo(page, page.getByRole('button', { name: 'Verwijzing versturen' }), 'verwijzing-verstuurd');
    referral = /\/verwijzingen\/([0-9a-f-]{36})/.exec(landed.pathname)?.[1];
    assert.ok(referral, `landed on ${landed}`);
    await assertAccessible(page, 'verwijzing (gemeente)');
    assert.match(await page.locator('main').innerText(), /Verstuurd/);
  });

  // --- The school accepts, starts, sees what the referral opens and records an absence ---
  const s = await session(t, 'taalschool@weert.example');
  await guarded(t, s.page, async () => {
    const page = s.page;
    await assertAccessible(page, 'werklijst partner');
    await page.getByRole('link', { name: 'Accepteren of afwijzen' }).first().waitFor();
    await page.goto(`/verwijzingen/${referral}`);
    await submitTo(page, page.getByRole('button', { name: 'Accepteren', exact: true }), 'opgeslagen');
    await submitTo(page, page.getByRole('button', { name: 'Starten', exact: true }), 'opgeslagen');
    assert.match(await page.locator('main').innerText(), /Gestart/);
    await assertAccessible(page, 'verwijzing (partner)');

    await page.goto(`/personen/${person.id}`);
    await page.getByRole('heading', { level: 1, name: person.naam }).waitFor();
    const main = await page.locator('main').innerText();
    assert.ok(main.includes(goal.split(' (')[0]), `the assigned goal "${goal}" is shown:\n${main}`);
    assert.doesNotMatch(main, /Gezondheid|Brede intake|Huishouden/, 'no health, intake or household for a partner');
    assert.equal(await page.getByRole('link', { name: 'Brede intake' }).count(), 0);
    await assertAccessible(page, 'dossier partner');

    await page.goto(`/verwijzingen/${referral}`);
    await page.getByRole('combobox', { name: 'Aanwezigheid' }).selectOption('afwezig_zonder_bericht');
    await submitTo(page, page.getByRole('button', { name: 'Vastleggen' }), 'opgeslagen');
    await page.getByRole('cell', { name: 'Afwezig zonder bericht' }).first().waitFor();
  });

  // --- The regisseur sees the absence on the werkvoorraad, and revokes ---
  await guarded(t, r.page, async () => {
    const page = r.page;
    await page.goto('/werkvoorraad');
    const row = page.locator('table tbody tr').filter({ has: page.locator(`a[href^="/personen/${person.id}"]`) });
    const acties = await row.locator('td[data-kop="Actie"]').allInnerTexts();
    assert.ok(acties.some((a) => /Afwezig zonder bericht/.test(a)), `werkvoorraad for ${person.naam}: ${acties.join(' | ')}`);
    await page.goto(`/verwijzingen/${referral}`);
    await page.getByText('Verwijzing intrekken').click();
    await page.getByLabel('Waarom').fill('De inburgeraar is verhuisd naar Venlo.');
    await submitTo(page, page.getByRole('button', { name: 'Intrekken' }), 'opgeslagen');
    assert.match(await page.locator('main').innerText(), /Ingetrokken/);
  });

  // --- The school no longer sees the person, but still the referral ---
  await guarded(t, s.page, async () => {
    const page = s.page;
    const res = await page.goto(`/personen/${person.id}`);
    assert.equal(res.status(), 404, 'the person is out of view once the referral ended');
    const ref = await page.goto(`/verwijzingen/${referral}`);
    assert.equal(ref.status(), 200);
    assert.match(await page.locator('main').innerText(), /Afwezig zonder bericht/);
  });
  await r.context.close();
  await s.context.close();
});
