// Finding the person for the trajectory test, and reading one person's werkvoorraad actions.

import { definition, parseDmy } from './trajectory.mjs';

const UUID = /\/personen\/([0-9a-f-]{36})/i;
const MAX_CANDIDATES = 40;

/**
 * A demo person of the signed-in regisseur whose PIP is overdue (so the werkvoorraad lists it),
 * with no koppeling and no intake yet, and whose kennisgeving and BRP dates both lie on or before
 * `latestBase` (so a PIP can be dated well in the past under DUO rules M-1 and M-3).
 * Returns { id, naam, kennisgeving, brp }.
 */
export async function choosePerson(page, { latestBase, t }) {
  await page.goto('/werkvoorraad?soort=pip_te_laat');
  const links = page.locator('table tbody tr a[href^="/personen/"]');
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const ids = [...new Set(hrefs.map((h) => UUID.exec(h)?.[1]).filter(Boolean))].slice(0, MAX_CANDIDATES);
  if (ids.length === 0) throw new Error('the werkvoorraad of regisseur@weert.example lists no "PIP te laat": no demo person to walk');
  const skipped = [];
  for (const id of ids) {
    await page.goto(`/personen/${id}`);
    const naam = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
    const kennisgeving = parseDmy(await definition(page, 'Datum kennisgeving DUO'));
    const brp = parseDmy(await definition(page, 'Datum inschrijving BRP'));
    // Only the Wet inburgering 2021 has a PIP.
    const regime = await definition(page, 'Regime');
    if (!/2021/.test(regime)) {
      skipped.push(`${naam}: regime ${regime}`);
      continue;
    }
    if (!kennisgeving || !brp || kennisgeving > latestBase || brp > latestBase) {
      skipped.push(`${naam}: dates ${kennisgeving?.toISOString().slice(0, 10)} / ${brp?.toISOString().slice(0, 10)}`);
      continue;
    }
    await expectPage(page, `/personen/${id}/koppeling`);
    if ((await page.getByText('Er is nog geen koppeling vastgelegd.').count()) === 0) {
      skipped.push(`${naam}: has a koppeling`);
      continue;
    }
    await expectPage(page, `/personen/${id}/intake`);
    if ((await page.getByText('Nog niet gestart').count()) === 0) {
      skipped.push(`${naam}: intake started`);
      continue;
    }
    return { id, naam, kennisgeving, brp };
  }
  for (const s of skipped) t?.diagnostic(`skipped ${s}`);
  throw new Error(`no suitable demo person among ${ids.length} with "PIP te laat":\n${skipped.join('\n')}`);
}

/** Opens `url`; a missing page (404) fails the test with its address rather than looking empty. */
async function expectPage(page, url) {
  const res = await page.goto(url);
  if (res.status() >= 400) throw new Error(`GET ${url} answered ${res.status()}: the page is missing or broken`);
}

/** The "Actie" texts of the werkvoorraad rows about person `id` (the signed-in regisseur's). */
export async function werkvoorraadActions(page, id) {
  await page.goto('/werkvoorraad');
  const rows = page.locator('table tbody tr').filter({ has: page.locator(`a[href^="/personen/${id}"]`) });
  return rows.locator('td[data-kop="Actie"]').allInnerTexts();
}
