// Starts tauri-driver for a test run and stops it afterwards.
import { spawn } from 'node:child_process';
import { waitFor } from './webdriver.mjs';

/** Launches tauri-driver on `port` with `env` (which the app inherits). */
export async function startDriver({ port, env }) {
  const child = spawn('tauri-driver', ['--port', String(port)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const base = `http://127.0.0.1:${port}`;
  // tauri-driver answers /status by asking WebKitWebDriver, which it starts alongside;
  // a moment's pause spares the log a connection-refused trace for every early poll.
  await new Promise((resolve) => setTimeout(resolve, 500));
  await waitFor('tauri-driver to listen', async () => (await fetch(`${base}/status`)).ok, 20000);
  return {
    base,
    async stop() {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    },
  };
}
