// Takes the README's screenshot: signs in as the demo regisseur, opens the first person of the
// caseload and saves a full-page screenshot to docs/screenshot-dossier.png.
//
//   node screenshot.mjs http://127.0.0.1:8080     # against a running `wegwijs serve --demo`
//   node screenshot.mjs                           # starts ../target/debug/wegwijs itself
//
// The password is WEGWIJS_DEMO_PASSWORD (default: the one the browser tests use); the output path
// can be overridden with a second argument.

import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import { E2E_DIR, launchBrowser, newContext } from './lib/browser.mjs';
import { DEMO_PASSWORD, startServer } from './lib/server.mjs';
import { REGISSEUR_EMAIL, signIn } from './lib/wegwijs.mjs';

const [baseArg, outArg] = process.argv.slice(2);
const out = path.resolve(outArg || path.join(E2E_DIR, '..', 'docs', 'screenshot-dossier.png'));
const password = process.env.WEGWIJS_DEMO_PASSWORD || DEMO_PASSWORD;

let server = null;
let browser = null;
try {
  let baseURL = baseArg;
  if (!baseURL) {
    server = await startServer();
    baseURL = server.baseURL;
  }
  baseURL = baseURL.replace(/\/+$/, '');
  browser = await launchBrowser();
  const context = await newContext(browser, baseURL, { viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();

  await signIn(page, { email: REGISSEUR_EMAIL, password });
  const dossiers = await page.locator('main a[href]').evaluateAll((links) =>
    links
      .map((a) => new URL(a.getAttribute('href'), document.baseURI))
      .filter((u) => /^\/personen\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(u.pathname))
      .map((u) => u.pathname),
  );
  if (dossiers.length === 0) throw new Error('the caseload lists no person to open (is the server started with --demo?)');
  await page.goto(dossiers[0]);
  await page.locator('h1').waitFor();

  await mkdir(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out, fullPage: true });
  console.log(`saved ${out} (${page.url()})`);
  await context.close();
} catch (err) {
  console.error(`screenshot failed: ${err.stack || err}`);
  process.exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  await server?.stop();
}
