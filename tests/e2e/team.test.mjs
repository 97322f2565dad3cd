// End to end, team mode: a throwaway PostgreSQL 15 cluster, a workspace published to it
// with rollplan-cli, and two app windows on two files joined to it. An edit in one
// appears in the other within seconds, and its History names who made it; the header
// chip says how things stand; while the server is down an edit waits (Offline · 1
// waiting) and goes up when it is back; a member made a viewer has their next edit
// refused at the field they changed.
//
// The app is single-instance per session bus, so the second window runs on a session
// bus of its own (a second dbus-daemon) and a second tauri-driver on another port.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { running, startDriver } from './driver.mjs';
import { application, cliBinary, photograph, photographSizes, painted, resizePage } from './harness.mjs';
import { Session, waitFor } from './webdriver.mjs';

const PG = '/usr/lib/postgresql/15/bin';
const workDir = mkdtempSync(join(tmpdir(), 'rollplan-e2e-team-'));
// The server runs as `postgres` when the tests run as root (PostgreSQL refuses root).
chmodSync(workDir, 0o777);
const asRoot = process.getuid?.() === 0;
const clusterDir = join(workDir, 'cluster');
const socketDir = workDir;
const pgPort = 5400 + (process.pid % 500);
const theme = /:dark$/.test(process.env.GTK_THEME ?? '') ? 'dark' : 'light';

/** Runs a PostgreSQL program as the cluster's owner. */
function pg(program, ...args) {
  const [command, full] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', join(PG, program), ...args]]
    : [join(PG, program), args];
  return execFileSync(command, full, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const serverLog = join(workDir, 'server.log');
const startServer = () =>
  pg('pg_ctl', '-D', clusterDir, '-l', serverLog, '-o',
    `-c listen_addresses='' -c port=${pgPort} -c unix_socket_directories='${socketDir}' -c fsync=off`, '-w', 'start');
const stopServer = () => pg('pg_ctl', '-D', clusterDir, '-m', 'fast', '-w', 'stop');
const sql = (statement) => pg('psql', '-h', socketDir, '-p', String(pgPort), '-U', 'postgres', '-d', 'postgres', '-c', statement);
const url = (login) => `postgresql://${login}@${encodeURIComponent(socketDir)}:${pgPort}/team`;

/** Runs rollplan-cli on `database`; its JSON answer when `--json` is among the args. */
function cli(database, ...args) {
  const out = execFileSync(cliBinary, ['--db', database, ...args], { encoding: 'utf8' });
  return args.includes('--json') ? JSON.parse(out) : out;
}

/** A session bus of its own, for the second single-instance app. */
async function secondBus() {
  const daemon = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const address = await new Promise((resolve, reject) => {
    daemon.stdout.once('data', (data) => resolve(String(data).trim()));
    daemon.once('error', reject);
  });
  return { address, stop: () => daemon.kill('SIGTERM') };
}

const chipText = async (session) => {
  const chips = await session.findAll('[data-testid="team-chip"]');
  return chips.length ? (await chips[0].property('textContent')).trim() : null;
};

describe('team mode in the app', { concurrency: false }, () => {
  const anna = join(workDir, 'anna.db');
  const bea = join(workDir, 'bea.db');
  const port = Number(process.env.ROLLPLAN_E2E_PORT ?? 4444);
  let serverUp = false;
  let bus;
  let driverA;
  let driverB;
  let rolloutId;

  before(async () => {
    pg('initdb', '-D', clusterDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync');
    startServer();
    serverUp = true;
    sql('CREATE DATABASE team');
    sql('CREATE ROLE bea LOGIN');
    cli(anna, 'rollouts', 'create', '--name', 'Check-in kiosks');
    rolloutId = cli(anna, 'rollouts', 'list', '--json')[0].id;
    cli(anna, 'team', 'init', '--server', url('postgres'));
    cli(anna, 'team', 'publish', '--server', url('postgres'));
    cli(anna, 'team', 'add-member', 'postgres', '--role', 'admin', '--name', 'Dana Whitfield');
    cli(anna, 'team', 'add-member', 'bea', '--role', 'editor', '--name', 'Bea Novak');
    cli(bea, 'team', 'join', '--server', url('bea'));
    bus = await secondBus();
    driverA = await startDriver({ port, env: { ROLLPLAN_DB: anna }, application });
    driverB = await startDriver({
      port: port + 2,
      env: { ROLLPLAN_DB: bea, DBUS_SESSION_BUS_ADDRESS: bus.address },
      application,
    });
  });

  after(async () => {
    // Every step is tried, so the cluster is stopped even when a driver would not stop.
    for (const step of [() => driverB?.stop(), () => driverA?.stop(), () => bus?.stop()]) {
      await Promise.resolve().then(step).catch((e) => console.warn(`cleanup: ${e.message}`));
    }
    if (serverUp) {
      try {
        stopServer();
      } catch (e) {
        console.warn(`cleanup: the cluster did not stop: ${e.message}`);
      }
    }
  });

  it('shows an edit made in one window in the other within seconds, and says so in the chip', async () => {
    const a = await Session.start(driverA.base, application);
    const b = await Session.start(driverB.base, application);
    try {
      for (const [who, session] of [['Anna', a], ['Bea', b]]) {
        await waitFor(`${who}'s chip to say it is synced`, async () => /^Synced (just now|\d+ s ago)$/.test((await chipText(session)) ?? ''), 20000);
        await session.execute('window.location.hash = arguments[0];', [`#/rollouts/${rolloutId}`]);
      }
      const ownerB = await b.waitFind('#rollout-owner');
      await waitFor("the rollout to load in Bea's window", async () => (await (await b.find('#rollout-name')).property('value')) === 'Check-in kiosks');
      assert.equal(await ownerB.property('value'), '', 'the owner starts empty');

      const ownerA = await a.waitFind('#rollout-owner');
      await ownerA.type('Anna Lee');
      // Leaving the field lets the edit save; from then on it is a change waiting to go up.
      await a.execute('document.activeElement.blur();');
      const saved = Date.now();
      await waitFor("Anna's edit to appear in Bea's window", async () => (await (await b.find('#rollout-owner')).property('value')) === 'Anna Lee', 10000);
      const seconds = (Date.now() - saved) / 1000;
      console.log(`an edit reached the other window ${seconds.toFixed(1)} s after it was saved`);
      assert.ok(seconds < 5, `the edit must arrive within a few seconds, took ${seconds} s`);
      assert.equal(cli(bea, 'rollouts', 'list', '--json')[0].owner, 'Anna Lee', "Bea's file holds the edit, not only her window");
      // Bea's History names who made the change, by the name the team gave Anna's login.
      const historyB = () => b.execute('return document.querySelector(".history")?.textContent ?? "";');
      await waitFor("Bea's History to name the change's author", async () => /by Dana Whitfield/.test(await historyB()), 10000);
      assert.match(await historyB(), /Owner\s*\(empty\)\s*→\s*Anna Lee/, "the entry says what changed");
      const historyA = await a.execute('return document.querySelector(".history").textContent;');
      assert.doesNotMatch(historyA, /by Dana Whitfield/, "Anna's own change names nobody on her own copy");
      await b.execute('document.querySelector(".history").scrollIntoView();');
      await photographSizes(b, 'history-team');

      // The server goes away: Anna's next edit waits, and the chip says so.
      stopServer();
      serverUp = false;
      const goal = await a.find('#rollout-goal');
      await goal.type('Shorter queues at the front desk');
      await a.execute('document.activeElement.blur();');
      await waitFor("Anna's chip to say her edit waits", async () => (await chipText(a)) === 'Offline · 1 waiting', 20000);
      await photograph(a, join(workDir, `chip-offline-${theme}.png`));

      // Back: the edit goes up by itself (Sync now only saves the wait), and reaches Bea.
      startServer();
      serverUp = true;
      await a.execute('window.location.hash = "#/settings";');
      await (await a.waitForText('button', 'Sync now')).click();
      await waitFor('the waiting edit to reach Bea', async () => cli(bea, 'rollouts', 'list', '--json')[0].goal === 'Shorter queues at the front desk', 45000);
      await waitFor("Anna's chip to say synced again", async () => /^Synced (just now|\d+ s ago)$/.test((await chipText(a)) ?? ''), 20000);

      const settings = await a.waitFind('#team-settings');
      const words = await settings.property('textContent');
      assert.match(words, /Changes waiting\s*None/, 'Settings → Team shows nothing waiting once it went up');
      assert.match(words, /You can view and change this workspace/, "the administrator's role is known from the sign-in");
      await a.execute('document.getElementById("team-settings").scrollIntoView();');
      await resizePage(a, 1280, 720);
      await painted(a);
      await photograph(a, join(workDir, `settings-team-1280x720-${theme}.png`));
      await photographSizes(a, 'settings-team');

      // Bea is made a viewer: her window learns it at its next sync, and her next edit
      // is refused at the field she changed, naming the administrator to ask.
      cli(anna, 'team', 'add-member', 'bea', '--role', 'viewer');
      await b.execute('window.location.hash = "#/settings";');
      await (await b.waitForText('button', 'Sync now')).click();
      await waitFor("Bea's window to know she is a viewer", async () => /You can view this workspace; ask Dana Whitfield/.test(await (await b.waitFind('#team-settings')).property('textContent')), 20000);
      await b.execute('window.location.hash = arguments[0];', [`#/rollouts/${rolloutId}`]);
      const sponsorB = await b.waitFind('#rollout-sponsor');
      await sponsorB.type('Dr. Okafor');
      await b.execute('document.activeElement.blur();');
      const refusal = await b.waitFind('#rollout-sponsor-error', 10000);
      assert.equal(
        (await refusal.property('textContent')).trim(),
        'You can view this workspace; ask Dana Whitfield to make you an editor.',
        "the refusal is told at the field Bea changed",
      );
      assert.equal((await b.findAll('#rollout-owner-error')).length, 0, 'only the field Bea changed is flagged');
      assert.equal(cli(bea, 'rollouts', 'list', '--json')[0].sponsor, '', "a viewer's edit is not written to her file");
      // Photographed at each size with the refused field in view (a resize moves it).
      for (const [width, height] of process.env.ROLLPLAN_SCREENSHOTS ? [[1280, 720], [1920, 1080]] : []) {
        await resizePage(b, width, height);
        await b.execute('document.getElementById("rollout-sponsor").closest(".field").scrollIntoView({ block: "center" });');
        await painted(b);
        await photograph(b, join(process.env.ROLLPLAN_SCREENSHOTS, `viewer-refused-${width}x${height}-${theme}.png`));
      }
      console.log(`screenshots: ${workDir}`);
    } finally {
      await b.quit().catch(() => {});
      await a.quit().catch(() => {});
      await waitFor('both apps to exit', () => running(application).length === 0, 15000).catch(() => {});
    }
  });
});
