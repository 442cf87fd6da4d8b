// Launching Debian's Chromium with playwright-core, and the axe-core accessibility check.
//
// playwright-core never downloads a browser; this machine cannot fetch one anyway. We drive the
// Chromium that `apt-get install chromium` puts at /usr/bin/chromium (override: CHROMIUM_PATH).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

export const E2E_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RESULTS_DIR = path.join(E2E_DIR, 'test-results');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps trying to reach Google's hosts, which this
// machine's closed network refuses.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** A fresh context (own cookie jar) with Dutch locale; `viewport` e.g. { width: 320, height: 800 }. */
export async function newContext(browser, baseURL, { viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ baseURL, viewport, locale: 'nl-NL' });
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(30_000);
  return context;
}

/** Saves a full-page screenshot and the page's HTML to e2e/test-results/{name}.png/.html. */
export async function saveFailureArtifacts(page, name) {
  const safe = name.replace(/[^a-zA-Z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'failure';
  await mkdir(RESULTS_DIR, { recursive: true });
  const png = path.join(RESULTS_DIR, `${safe}.png`);
  const saved = [];
  try {
    await page.screenshot({ path: png, fullPage: true, timeout: 10_000 });
    saved.push(png);
  } catch (err) {
    console.error(`[e2e] could not take screenshot: ${err.message}`);
  }
  try {
    const html = path.join(RESULTS_DIR, `${safe}.html`);
    await writeFile(html, `<!-- ${page.url()} -->\n${await page.content()}`);
    saved.push(html);
  } catch (err) {
    console.error(`[e2e] could not save HTML: ${err.message}`);
  }
  return saved;
}

// ---------------------------------------------------------------------------------------------
// axe-core

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/**
 * Runs axe on the current page with the WCAG 2.1 A/AA rules. Returns { blocking, other }, each a
 * list of violations; `blocking` holds those with impact serious or critical.
 *
 * axe is put into the page with page.evaluate (DevTools evaluation), not with a <script> tag: a
 * Content-Security-Policy that forbids inline scripts must stay in force for the page under test.
 */
export async function runAxe(page) {
  const hasAxe = await page.evaluate(() => typeof window.axe === 'object');
  if (!hasAxe) {
    await page.evaluate(AXE_SOURCE);
  }
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(' '),
        html: n.html.slice(0, 300),
        summary: n.failureSummary,
      })),
    }));
  }, AXE_TAGS);
  return {
    blocking: violations.filter((v) => BLOCKING_IMPACTS.has(v.impact)),
    other: violations.filter((v) => !BLOCKING_IMPACTS.has(v.impact)),
  };
}

/** Human-readable listing of axe violations, for assertion messages and logs. */
export function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 10)
        .map((n) => `    - ${n.target}\n      ${n.html}\n      ${(n.summary || '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      const more = v.nodes.length > 10 ? `\n    ... and ${v.nodes.length - 10} more` : '';
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join('\n');
}
