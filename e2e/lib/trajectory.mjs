// Helpers for the trajectory browser test (issue 7): dates as the forms take them, definition
// lists, melding redirects, downloads and the text of a PDF.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { formatViolations, runAxe } from './browser.mjs';

const DAY_MS = 86_400_000;

/** Today as a UTC midnight Date (the server's clock is the machine's; CI runs in UTC). */
export function today() {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export const addDays = (d, n) => new Date(d.getTime() + n * DAY_MS);

/** A date as the forms take and show it: dag-maand-jaar, "07-03-2026". */
export function dmy(d) {
  const p = (n) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}-${p(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`;
}

const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** "07-03-2026" or "7 maart 2026" (anywhere in the text) as a UTC Date; null when there is none. */
export function parseDmy(text) {
  const m = /(\d{2})-(\d{2})-(\d{4})/.exec(text || '');
  if (m) return new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])));
  const w = new RegExp(`(\\d{1,2}) (${MAANDEN.join('|')}) (\\d{4})`).exec(text || '');
  return w ? new Date(Date.UTC(Number(w[3]), MAANDEN.indexOf(w[2]), Number(w[1]))) : null;
}

/** The <dd> text after the <dt> with exactly `label` inside `scope` (a page or a locator). */
export async function definition(scope, label) {
  const dt = scope.locator('dt').filter({ hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }).first();
  return (await dt.locator('xpath=following-sibling::dd[1]').innerText()).trim();
}

export function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The address a redirect lands on, read at commit: once the page shows the confirmation, wegwijs.js
 * takes `melding` out of the address bar. Call it BEFORE the click that navigates. `melding` is
 * a code or a RegExp on the code.
 */
export async function landedOn(page, melding) {
  let landed;
  await page.waitForURL((u) => {
    const code = u.searchParams.get('melding');
    const ok = melding instanceof RegExp ? melding.test(code || '') : code === melding;
    if (ok) landed = u;
    return ok;
  }, { waitUntil: 'commit' });
  return landed;
}

/** Clicks `locator` and waits for the redirect with `melding`; returns the URL landed on. */
export async function submitTo(page, locator, melding) {
  const landing = landedOn(page, melding);
  await locator.click();
  const url = await landing;
  await page.waitForLoadState('load');
  return url;
}

/** Fails on serious or critical axe violations of the current page. */
export async function assertAccessible(page, what) {
  const { blocking } = await runAxe(page);
  assert.equal(blocking.length, 0, `${what} (${page.url()}):\n${formatViolations(blocking)}`);
}

/** How many pixels the page scrolls sideways (WCAG 1.4.10: 0 at 320 px). */
export async function sidewaysOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Clicks and returns the download: its suggested name and bytes. */
export async function downloadOf(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

/**
 * The text of a PDF through `pdftotext` (Debian's poppler-utils), whitespace collapsed so that
 * line breaks in the letter do not matter.
 */
export async function pdfText(bytes) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'wegwijs-pdf-'));
  try {
    const file = path.join(dir, 'document.pdf');
    await writeFile(file, bytes);
    const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    return raw.replace(/\s+/g, ' ');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
