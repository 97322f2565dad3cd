// Starts tauri-driver for a test run and stops it afterwards.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { waitFor } from './webdriver.mjs';

/** Instances of `binary` still running, as process ids. */
export function running(binary) {
  try {
    return execFileSync('pgrep', ['-f', `^${binary}( |$)`], { encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

/**
 * Launches tauri-driver on `port` with `env` (which the app inherits). Its output, and
 * the app's, go to a log file rather than the test runner's pipes: an app process that
 * outlived its session would otherwise hold those pipes open and the runner would
 * never finish.
 */
export async function startDriver({ port, env, application }) {
  const log = join(tmpdir(), `rollplan-e2e-driver-${port}-${process.pid}.log`);
  const out = openSync(log, 'a');
  const child = spawn('tauri-driver', ['--port', String(port), '--native-port', String(port + 1)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const base = `http://127.0.0.1:${port}`;
  // tauri-driver answers /status by asking WebKitWebDriver, which it starts alongside;
  // a moment's pause spares the log a connection-refused trace for every early poll.
  await new Promise((resolve) => setTimeout(resolve, 500));
  await waitFor('tauri-driver to listen', async () => (await fetch(`${base}/status`)).ok, 20000);
  return {
    base,
    log,
    async stop() {
      // Give the last session's app a moment to finish exiting: stopping the driver
      // while WebKitWebDriver is still ending the app can orphan it.
      if (application) {
        const deadline = Date.now() + 5000;
        while (running(application).length && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      // An app still running now outlived its session: end it so the runner can finish
      // and the next run starts clean, and say so.
      if (application) {
        const left = running(application);
        if (left.length) {
          console.warn(`warning: ${left.length} app process(es) outlived their session; ending them (see ${log})`);
          for (const pid of left) process.kill(Number(pid), 'SIGTERM');
        }
      }
    },
  };
}
