// Browser test for the second factor in everyday use: a user sets it up from the QR code the server
// draws, keeps the recovery codes shown once, signs out, and signs in again with a recovery code
// instead of a code from the app. TOTP codes are computed here with node's crypto (RFC 6238).

import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, test } from 'node:test';

import { formatViolations, launchBrowser, newContext, runAxe, saveFailureArtifacts } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';
import { DEMO_PASSWORD, signIn, submitSignIn } from '../lib/wegwijs.mjs';

const TEST_TIMEOUT = 120_000;
// Not the account the other browser tests use, so the files never meet.
const EMAIL = 'regisseur2@weert.example';

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

/** Base32 (RFC 4648, no padding needed) to bytes. */
function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out = [];
  for (const c of text.replace(/=+$/, '').toUpperCase()) {
    const i = alphabet.indexOf(c);
    if (i === -1) throw new Error(`not base32: ${c}`);
    value = ((value << 5) | i) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The six-digit TOTP code (SHA-1, 30 s steps) of `secret` at `ms`. */
function totp(secret, ms = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(ms / 1000 / 30)));
  const h = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const o = h[h.length - 1] & 0x0f;
  const n = (((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3]) % 1_000_000;
  return String(n).padStart(6, '0');
}

async function withPage(t, fn) {
  const context = await newContext(browser, server.baseURL);
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
    console.error(`--- last lines of the wegwijs server output ---\n${server.log().split('\n').slice(-40).join('\n')}\n---`);
    throw err;
  } finally {
    await context.close().catch(() => {});
  }
}

async function assertAccessible(t, page, label) {
  const { blocking, other } = await runAxe(page);
  if (other.length) t.diagnostic(`${label}: ${other.length} minor/moderate axe finding(s):\n${formatViolations(other)}`);
  assert.equal(blocking.length, 0, `${label}:\n${formatViolations(blocking)}`);
}

test('self-check: the TOTP helper gives the RFC 6238 test vector', () => {
  // Secret "12345678901234567890" at T = 59 s: 94287082 (8 digits), so 287082 with 6.
  assert.equal(totp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 59_000), '287082');
});

test('set up the second factor from the QR code, keep the recovery codes, sign in with one', { timeout: TEST_TIMEOUT }, async (t) => {
  await withPage(t, async (page) => {
    await signIn(page, { email: EMAIL, password: DEMO_PASSWORD });
    await page.goto('/account');

    // The QR code is drawn by the server, inline: an SVG image with a text alternative.
    const qr = page.getByRole('img', { name: /QR-code/ });
    await qr.waitFor();
    assert.equal(await qr.evaluate((el) => el.tagName.toLowerCase()), 'svg');
    const box = await qr.boundingBox();
    assert.ok(box && box.width >= 150, `the QR code is large enough to scan: ${JSON.stringify(box)}`);
    const secret = (await page.locator('#totp-sleutel').textContent()).trim();
    assert.match(secret, /^[A-Z2-7]{16,}$/);
    const link = await page.getByRole('link', { name: /authenticator-app op dit apparaat/ }).getAttribute('href');
    assert.ok(link.startsWith('otpauth://totp/') && link.includes(`secret=${secret}`), link);
    await assertAccessible(t, page, 'account page with QR code');

    // Turning it on asks for the current password: a borrowed session alone cannot link another app.
    // Without it (a right code), the error points at the password field.
    await page.getByLabel('Code uit de app').fill(totp(secret));
    await page.getByRole('button', { name: 'Tweede stap aanzetten' }).click();
    await page.getByRole('alert').getByText('Uw huidige wachtwoord klopt niet.').waitFor();
    assert.equal(await page.getByLabel('Uw wachtwoord', { exact: true }).getAttribute('aria-invalid'), 'true');
    await page.getByRole('link', { name: 'Uw huidige wachtwoord klopt niet.' }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'aan-huidig');

    // A wrong code next: the error points at the code field.
    const right = totp(secret);
    await page.getByLabel('Uw wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByLabel('Code uit de app').fill(right === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Tweede stap aanzetten' }).click();
    await page.getByRole('alert').waitFor();
    assert.equal(await page.getByLabel('Code uit de app').getAttribute('aria-invalid'), 'true');
    // The same secret is still waiting: the password and the code from the app now work.
    assert.equal((await page.locator('#totp-sleutel').textContent()).trim(), secret);
    await page.getByLabel('Uw wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByLabel('Code uit de app').fill(totp(secret));
    await page.getByRole('button', { name: 'Tweede stap aanzetten' }).click();
    await page.waitForURL((url) => url.pathname === '/account' && url.searchParams.has('herstelcodes'));
    await page.getByRole('status').getByText('De tweede stap (authenticator-app) staat aan.').waitFor();
    // The confirmation is taken out of the address bar once shown (a reload must not repeat it).
    await page.waitForFunction(() => !new URL(window.location.href).searchParams.has('melding'));

    const codes = (await page.locator('#herstelcodes li').allTextContents()).map((c) => c.trim());
    assert.equal(codes.length, 10);
    for (const c of codes) assert.match(c, /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    await assertAccessible(t, page, 'account page with recovery codes');
    // On a phone each code stays on one line (copying a code split over two lines invites mistakes).
    await page.setViewportSize({ width: 390, height: 844 });
    const wrapped = await page.locator('#herstelcodes code').evaluateAll((els) =>
      els.filter((el) => new Set([...el.getClientRects()].map((r) => Math.round(r.top))).size > 1).map((el) => el.textContent));
    assert.deepEqual(wrapped, [], 'recovery codes broken over lines at 390 px');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways page scroll');
    await page.setViewportSize({ width: 1280, height: 900 });
    // Shown once: a reload does not show them again.
    await page.reload();
    assert.equal(await page.locator('#herstelcodes li').count(), 0);
    await page.getByText('niet nog eens getoond').waitFor();
    await page.getByText('nog 10 ongebruikte herstelcodes').waitFor();

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL((url) => url.pathname === '/inloggen');

    // Signing in now asks for the second step; a recovery code does instead of the app.
    await submitSignIn(page, { email: EMAIL, password: DEMO_PASSWORD });
    await page.waitForURL((url) => url.pathname === '/inloggen/verificatie');
    await assertAccessible(t, page, 'second step page');
    await page.getByLabel('Code uit de app of herstelcode').fill(codes[0].toUpperCase());
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.waitForURL((url) => ['/caseload', '/werkvoorraad', '/'].includes(url.pathname));
    await page.goto('/account');
    await page.getByText('nog 9 ongebruikte herstelcodes').waitFor();

    // The used code does not work a second time.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL((url) => url.pathname === '/inloggen');
    await submitSignIn(page, { email: EMAIL, password: DEMO_PASSWORD });
    await page.waitForURL((url) => url.pathname === '/inloggen/verificatie');
    await page.getByLabel('Code uit de app of herstelcode').fill(codes[0]);
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('alert').getByText('al gebruikt').waitFor();
    assert.equal(new URL(page.url()).pathname, '/inloggen/verificatie');
  });
});
