// Browser test for the teamleider's caseload work (issue 6): choose persons in one regisseur's
// caseload, move them to a colleague in one action, and find them there; the workload overview
// and the list with its checkboxes pass the WCAG 2.1 AA checks.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { formatViolations, launchBrowser, newContext, runAxe, saveFailureArtifacts } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';
import { signIn } from '../lib/wegwijs.mjs';

const TEST_TIMEOUT = 120_000;
const TEAMLEIDER_EMAIL = 'teamleider@weert.example';

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
    for (const file of await saveFailureArtifacts(page, t.name)) t.diagnostic(`saved ${file}`);
    console.error(`--- server output ---\n${server.log().split('\n').slice(-40).join('\n')}\n---`);
    throw err;
  } finally {
    await context.close().catch(() => {});
  }
}

async function assertAccessible(page, what) {
  const { blocking } = await runAxe(page);
  assert.equal(blocking.length, 0, `${what}: ${formatViolations(blocking)}`);
}

// The address a redirect lands on, read at commit: once the page shows the confirmation,
// wegwijs.js takes `melding` and its counts out of the address bar (a reload must not repeat it).
// Call it before the click that navigates, or the script may have cleaned the address already.
async function landedOn(page, melding) {
  let landed;
  await page.waitForURL((u) => {
    if (u.searchParams.get('melding') !== melding) return false;
    landed = u;
    return true;
  }, { waitUntil: 'commit' });
  return landed;
}

test('a teamleider moves two persons of one regisseur to a colleague in one action', { timeout: TEST_TIMEOUT }, async (t) => {
  await withPage(t, async (page) => {
    await signIn(page, { email: TEAMLEIDER_EMAIL });
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Hele gemeente' }).waitFor());
    // A teamleider registers no persons: the button is not there.
    assert.equal(await page.getByRole('link', { name: 'Nieuwe persoon' }).count(), 0);

    // The workload overview: one line per regisseur, reachable from the menu.
    await page.getByRole('link', { name: 'Aantallen', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/werkvoorraad/aantallen');
    await assertAccessible(page, '/werkvoorraad/aantallen');

    // Two regisseurs from the caseload choice: the first one's persons go to the second.
    await page.goto('/caseload');
    const choices = await page.locator('#regisseur option').evaluateAll((os) =>
      os.filter((o) => o.textContent.startsWith('Caseload van ')).map((o) => ({ value: o.value, naam: o.textContent.slice('Caseload van '.length) })),
    );
    assert.ok(choices.length >= 2, 'the demo gemeente has at least two regisseurs');
    const [from, to] = choices;
    await page.locator('#regisseur').selectOption(from.value);
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Caseload van ${from.naam}` }).waitFor();
    await assertAccessible(page, 'caseload with checkboxes');

    const boxes = page.getByRole('checkbox', { name: / kiezen$/ });
    assert.ok((await boxes.count()) >= 2, 'the regisseur has persons');
    const moved = [];
    for (const i of [0, 1]) {
      const box = boxes.nth(i);
      const name = (await box.getAttribute('aria-label')).replace(/ kiezen$/, '');
      // The checkbox's id names the person: kies-<id>, the dossier is /personen/<id>.
      const href = `/personen/${(await box.getAttribute('id')).replace(/^kies-/, '')}`;
      await box.check();
      moved.push({ name, href });
    }
    await page.getByLabel('Naar regisseur').selectOption(to.value);
    const landing = landedOn(page, 'verplaatst');
    await page.getByRole('button', { name: 'Verplaatsen', exact: true }).click();
    const url = await landing;
    await page.getByRole('status').filter({ hasText: '2 personen overgedragen' }).waitFor();
    assert.equal(url.pathname, '/caseload');
    assert.equal(url.searchParams.get('aantal'), '2');
    assert.equal(url.searchParams.get('regisseur'), from.value, 'back to the list the teamleider came from');

    // The moved persons are gone from the first caseload and have the colleague as regisseur.
    for (const m of moved) {
      assert.equal(await page.locator(`a[href="${m.href}"]`).count(), 0, `${m.name} left the list`);
      await page.goto(m.href);
      await assert.doesNotReject(page.getByText(`Regisseur: ${to.naam}`).waitFor(), m.name);
    }
    await page.goto(`/caseload?regisseur=${to.value}`);
    for (const m of moved) {
      const search = page.getByLabel('Zoek op naam, BSN of V-nummer');
      await search.fill(m.name);
      await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
      await page.getByRole('link', { name: m.name, exact: true }).waitFor();
    }
  });
});

test('moving a whole caseload asks for a different regisseur and a confirmation first', { timeout: TEST_TIMEOUT }, async (t) => {
  await withPage(t, async (page) => {
    await signIn(page, { email: TEAMLEIDER_EMAIL });
    await page.goto('/werkvoorraad/aantallen');
    // The target is not preselected: the teamleider chooses it.
    assert.equal(await page.locator('#naar').inputValue(), '');
    const from = await page.locator('#van').inputValue();
    const fromLabel = (await page.locator('#van option:checked').textContent()).replace(/ \(\d+\)$/, '');
    const count = Number((await page.locator('#van option:checked').textContent()).match(/\((\d+)\)$/)[1]);

    // The same regisseur on both sides: refused, with a message linked to the field.
    await page.locator('#naar').selectOption(from);
    await page.getByRole('button', { name: 'Alle personen verplaatsen…' }).click();
    const alert = page.getByRole('alert');
    await assert.doesNotReject(alert.getByText('Van en naar zijn dezelfde regisseur').waitFor());
    await assertAccessible(page, 'werkvoorraad with error');

    // Another regisseur: a confirmation page says what will happen; nothing moved yet.
    const to = await page.locator('#naar option').evaluateAll((os, f) => {
      const o = os.find((x) => x.value && x.value !== f);
      return { value: o.value, naam: o.textContent };
    }, from);
    await page.locator('#van').selectOption(from);
    await page.locator('#naar').selectOption(to.value);
    await page.getByRole('button', { name: 'Alle personen verplaatsen…' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hele caseload verplaatsen' }).waitFor();
    const text = await page.locator('main').textContent();
    assert.match(text, new RegExp(`U verplaatst ${count} personen? van ${fromLabel} naar ${to.naam}`));
    await assertAccessible(page, 'confirmation');
    const landing = landedOn(page, 'verplaatst');
    await page.getByRole('button', { name: /^Ja, verplaats / }).click();
    const url = await landing;
    assert.equal(url.pathname, '/werkvoorraad/aantallen');
    assert.equal(url.searchParams.get('aantal'), String(count));
  });
});

test('assigning a person offers to take the household along', { timeout: TEST_TIMEOUT }, async (t) => {
  await withPage(t, async (page) => {
    await signIn(page, { email: TEAMLEIDER_EMAIL });
    await page.goto('/caseload?regisseur=alle&zoek=Demooun');
    const links = page.locator('table a[href^="/personen/"]');
    assert.ok((await links.count()) > 0, 'the demo data has the Demooun household');
    await links.first().click();
    const box = page.getByRole('checkbox', { name: /^Ook de gezinsleden \(\d+\)$/ }).first();
    await box.waitFor();
    assert.equal(await box.isChecked(), true, 'checked by default');
    await assertAccessible(page, 'dossier with household choice');
    const n = Number((await page.locator('label[for="gezinsleden"]').textContent()).match(/\((\d+)\)/)[1]);
    const target = await page.locator('#regisseurId option').evaluateAll((os) => os.find((o) => o.value && !o.selected).value);
    await page.locator('#regisseurId').selectOption(target);
    const landing = landedOn(page, 'toegewezen');
    await page.getByRole('button', { name: 'Toewijzen', exact: true }).click();
    const url = await landing;
    assert.equal(url.searchParams.get('gezinsleden'), String(n));
    await assert.doesNotReject(page.getByRole('status').getByText(`Regisseur toegewezen en ${n} ${n === 1 ? 'gezinslid' : 'gezinsleden'}`).waitFor());
  });
});
