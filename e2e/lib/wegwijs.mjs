// Wegwijs-specific helpers: the demo account, BSNs, signing in and registering a person.
//
// Selectors follow the UI contract: labels, roles and ids; never CSS classes.

import { randomInt } from 'node:crypto';
import { DEMO_PASSWORD } from './server.mjs';

export const REGISSEUR_EMAIL = 'regisseur@weert.example';
export { DEMO_PASSWORD };

const UUID_PATH = /^\/personen\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isDossierUrl = (url) => UUID_PATH.test(url.pathname);

const BSN_WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1];

/** Whether nine digits pass the elfproef (weights 9..2 and -1; sum divisible by 11). */
export function passesElfproef(digits) {
  if (!/^\d{9}$/.test(digits)) return false;
  const sum = BSN_WEIGHTS.reduce((acc, w, i) => acc + w * Number(digits[i]), 0);
  return sum % 11 === 0;
}

/** A random valid BSN starting with 99, so reruns never collide. */
export function randomValidBsn() {
  for (;;) {
    const digits = [9, 9];
    for (let i = 0; i < 6; i++) digits.push(randomInt(10));
    const partial = digits.reduce((acc, d, i) => acc + BSN_WEIGHTS[i] * d, 0);
    const last = partial % 11; // 9*d1 + ... + 2*d8 - d9 ≡ 0 (mod 11)  <=>  d9 ≡ partial (mod 11)
    if (last === 10) continue;
    const bsn = [...digits, last].join('');
    if (passesElfproef(bsn)) return bsn;
  }
}

/** The same number with its last digit changed: a typo that always fails the elfproef. */
export function breakBsn(bsn) {
  const last = (Number(bsn[8]) + 1) % 10;
  const broken = bsn.slice(0, 8) + last;
  if (passesElfproef(broken)) throw new Error('unreachable: a one-digit change always fails the elfproef');
  return broken;
}

/** Ten random digits, a well-formed V-nummer. */
export function randomVNummer() {
  let s = String(1 + randomInt(9));
  for (let i = 0; i < 9; i++) s += randomInt(10);
  return s;
}

/** Fills and submits the sign-in form; does not wait for where it lands. */
export async function submitSignIn(page, { email = REGISSEUR_EMAIL, password = DEMO_PASSWORD } = {}) {
  await page.goto('/inloggen');
  await page.getByLabel(/^\s*E-mailadres/).fill(email);
  await page.getByLabel(/^\s*Wachtwoord/).fill(password);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
}

/** Signs in and waits for the start page: /werkvoorraad for a regisseur, /caseload for a teamleider. */
export async function signIn(page, creds = {}) {
  await submitSignIn(page, creds);
  await page.waitForURL((url) => url.pathname === '/caseload' || url.pathname === '/werkvoorraad');
}

/** Test data for one person; `bsn` passes the elfproef. */
export function newPersonData() {
  return {
    voornamen: 'Amira Noor',
    tussenvoegsel: 'van',
    geslachtsnaam: 'Dijk',
    bsn: randomValidBsn(),
    vNummer: randomVNummer(),
    // As a case worker types it, following the form's hint (dag-maand-jaar).
    geboortedatum: '17-04-1991',
    geslacht: 'vrouw',
  };
}

/** Fills the /personen/nieuw form fields by id (= API property name). */
export async function fillPersonForm(page, person) {
  for (const field of ['voornamen', 'tussenvoegsel', 'geslachtsnaam', 'bsn', 'vNummer', 'geboortedatum']) {
    if (person[field] !== undefined) await page.locator(`#${field}`).fill(person[field]);
  }
  if (person.geslacht !== undefined) await page.locator('#geslacht').selectOption(person.geslacht);
}

/**
 * Clicks "Opslaan" and returns the HTTP response to the form POST (its status: 422 on invalid
 * input, a redirect on success).
 */
export async function submitPersonForm(page) {
  const response = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.request().isNavigationRequest() && r.request().frame() === page.mainFrame(),
  );
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  return response;
}

/**
 * The "Nieuwe persoon" link. The header's menu may hold one too, so take the first; both go to
 * /personen/nieuw.
 */
export function newPersonLink(page) {
  return page.getByRole('link', { name: 'Nieuwe persoon', exact: true }).first();
}

/** Opens /personen/nieuw from the caseload link, registers `person`, and waits for the dossier. */
export async function createPerson(page, person = newPersonData()) {
  await page.goto('/caseload');
  await newPersonLink(page).click();
  await page.waitForURL((url) => url.pathname === '/personen/nieuw');
  await fillPersonForm(page, person);
  await submitPersonForm(page);
  await page.waitForURL(isDossierUrl);
  return person;
}

/** The fragment targets of the links in the error summary, e.g. ['#bsn']. */
export async function errorSummaryTargets(summary) {
  return summary.getByRole('link').evaluateAll((links) =>
    links.map((a) => {
      const href = a.getAttribute('href') || '';
      const hash = href.indexOf('#');
      return hash === -1 ? href : href.slice(hash);
    }),
  );
}

/** The error summary: role="alert" with the heading "Controleer de volgende velden". */
export function errorSummary(page) {
  return page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Controleer de volgende velden' }) });
}
