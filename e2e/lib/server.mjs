// Starts the wegwijs binary on a free loopback port with a fresh SQLite database and demo data,
// waits for /health, and stops it again.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, mkdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { E2E_DIR, RESULTS_DIR } from './browser.mjs';

export const DEMO_PASSWORD = 'Demo-wachtwoord-2026';
export const DEFAULT_BIN = path.resolve(E2E_DIR, '..', 'target', 'debug', 'wegwijs');
const HEALTH_TIMEOUT_MS = 60_000;

/** Asks the kernel for a free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts `wegwijs serve ... --demo`. Resolves to { baseURL, stop(), log() } once GET /health answers
 * 200. The binary is ../target/debug/wegwijs unless WEGWIJS_BIN is set.
 */
export async function startServer({ bin = process.env.WEGWIJS_BIN || DEFAULT_BIN } = {}) {
  if (!existsSync(bin)) {
    throw new Error(`wegwijs binary not found at ${bin}: run \`cargo build\` first, or set WEGWIJS_BIN`);
  }
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'wegwijs-e2e-'));
  const port = await freePort();
  const listen = `127.0.0.1:${port}`;
  const baseURL = `http://${listen}`;
  const args = ['serve', '--listen', listen, '--database-url', `sqlite://${tmp}/e2e.db`, '--demo'];

  let output = '';
  const child = spawn(bin, args, {
    cwd: tmp,
    env: { ...process.env, WEGWIJS_DEMO_PASSWORD: DEMO_PASSWORD },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const append = (chunk) => {
    output += chunk.toString();
    if (output.length > 2_000_000) output = output.slice(-1_000_000);
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);

  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    });
    child.on('error', (err) => {
      exited = { code: null, signal: null, error: err };
      resolve(exited);
    });
  });
  // If the test process dies without running its `after` hook, do not leave the server behind.
  const killOnExit = () => {
    if (!exited) child.kill('SIGKILL');
  };
  process.on('exit', killOnExit);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (!exited) {
      child.kill('SIGTERM');
      const done = await Promise.race([exitPromise, sleep(10_000).then(() => null)]);
      if (!done) {
        child.kill('SIGKILL');
        await exitPromise;
      }
    }
    process.off('exit', killOnExit);
    await mkdir(RESULTS_DIR, { recursive: true }).catch(() => {});
    await writeFile(path.join(RESULTS_DIR, 'server.log'), output).catch(() => {});
    await rm(tmp, { recursive: true, force: true });
  };
  const log = () => output;

  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (exited) {
      await stop();
      const how = exited.error ? exited.error.message : `code ${exited.code}, signal ${exited.signal}`;
      throw new Error(`wegwijs exited before /health answered (${how}); command: ${bin} ${args.join(' ')}\n--- server output ---\n${output}`);
    }
    try {
      const res = await fetch(`${baseURL}/health`, { signal: AbortSignal.timeout(2_000), redirect: 'manual' });
      if (res.status === 200) {
        return { baseURL, stop, log, tmp };
      }
      lastProblem = `GET /health answered ${res.status}`;
    } catch (err) {
      lastProblem = err.cause?.code || err.message;
    }
    await sleep(250);
  }
  await stop();
  throw new Error(`wegwijs did not answer GET /health with 200 within ${HEALTH_TIMEOUT_MS / 1000} s (${lastProblem})\n--- server output ---\n${output}`);
}
