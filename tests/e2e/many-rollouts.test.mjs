// End to end: a project office's workspace of more rollouts than a screen holds. Home
// draws the first 100 and *Show all* draws the rest; the sidebar lists the rollouts
// still running (the first 30, and the one open) with a link to all of them; a rollout's
// weekly status with dozens of completed tasks shows its first 25 and *Show all*.
// With ROLLPLAN_SCREENSHOTS set, Home is photographed at a laptop's and a full HD
// window, in the theme GTK_THEME gives.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliBinary, photographSizes, useApp } from './harness.mjs';
import { waitFor } from './webdriver.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'rollplan-many-rollouts-'));
const database = join(workDir, 'rollplan.db');
const cli = (...args) => execFileSync(cliBinary, ['--db', database, ...args], { encoding: 'utf8' });

// 20 closed rollouts that went live in 2025, then 110 running ones going live one a day
// from March 2027: Home lists them soonest go-live first, so the closed ones come first.
const CLOSED = 20;
const RUNNING = 110;
const day = (start, i) => new Date(Date.UTC(...start) + i * 86_400_000).toISOString().slice(0, 10);
const number = (i) => String(i).padStart(3, '0');
for (let i = 1; i <= CLOSED; i++) {
  cli('rollouts', 'create', '--name', `Closed project ${number(i)}`, '--phase', 'closed', '--go-live', day([2025, 0, 1], i));
}
for (let i = 1; i <= RUNNING; i++) {
  cli('rollouts', 'create', '--name', `Clinic ${number(i)} scheduling change`, '--go-live', day([2027, 2, 1], i));
}
// The last one's week: 40 tasks completed.
const busiest = `Clinic ${number(RUNNING)} scheduling change`;
const tasks = join(workDir, 'done.csv');
writeFileSync(tasks, 'title,status\n' + Array.from({ length: 40 }, (_, i) => `Checklist item ${i + 1},done`).join('\n') + '\n');
cli('import', 'tasks', tasks, '--rollout', busiest);
const TOTAL = CLOSED + RUNNING;

const homeRows = (session) => session.execute(`return document.querySelectorAll('.page table tbody tr:not(.group)').length;`);
const sidebarNames = (session) =>
  session.execute(`return [...document.querySelectorAll('.sidebar a.rollout .name')].map((n) => n.textContent.trim());`);

describe('a workspace of more rollouts than a screen holds', { concurrency: false }, () => {
  const app = useApp({ ROLLPLAN_DB: database }, workDir);

  it('draws the first 100 on Home, lists the running ones in the sidebar, and folds a long status section', async () => {
    const session = await app.launch();

    await app.step('Home draws the first 100 rollouts and says how many there are', async () => {
      await session.waitFind('[data-testid="home-more-rollouts"]');
      assert.equal(await homeRows(session), 100, 'the first 100 rows');
      const line = await (await session.find('[data-testid="home-more-rollouts"]')).property('textContent');
      assert.match(line.replace(/\s+/g, ' '), new RegExp(`Showing the first 100 of ${TOTAL} rollouts\\. Show all ${TOTAL}`));
      await photographSizes(session, 'home-many-rollouts');
      await (await session.find('[data-testid="home-more-rollouts"] button')).click();
      await waitFor('every row', async () => (await homeRows(session)) === TOTAL);
      assert.equal((await session.findAll('[data-testid="home-more-rollouts"]')).length, 0, 'nothing more to say');
    });

    await app.step('the sidebar lists the first 30 running rollouts and links to all of them', async () => {
      const names = await sidebarNames(session);
      assert.equal(names.length, 30);
      assert.equal(names[0], 'Clinic 001 scheduling change', 'closed rollouts are left out, soonest go-live first');
      const all = await session.find('[data-testid="sidebar-all-rollouts"]');
      assert.equal((await all.property('textContent')).trim(), `All ${TOTAL} rollouts on Home`);
    });

    await app.step('a rollout opened from Home joins the sidebar while it is open', async () => {
      await (await session.waitForText('.page table a.name', busiest)).click();
      await session.waitFind('[data-testid="rollout-dashboard"]');
      await waitFor('the open rollout in the sidebar', async () => (await sidebarNames(session)).at(-1) === busiest);
      assert.equal(
        await session.execute(`return document.querySelector('.sidebar a[aria-current="page"] .name')?.textContent.trim();`),
        busiest,
        'marked as the one open',
      );
    });

    await app.step('its weekly status shows the first 25 completed tasks, then all 40', async () => {
      await (await session.waitForText('nav.tabs a', 'Status')).click();
      const section = '.news[data-section="completed"]';
      // The first items are drawn at once and the rest of the first 25 in the frames
      // after; the button comes with the section's last item drawn.
      const more = await session.waitForText(`${section} button.more`, 'Show all 40 (15 more)');
      assert.equal((await session.findAll(`${section} li[data-item]`)).length, 25);
      await more.click();
      await waitFor('all 40', async () => (await session.findAll(`${section} li[data-item]`)).length === 40);
    });

    await app.step('a rollout saved 60 times shows its latest 50 changes, then all', async () => {
      // Sixty saves of its goal through the app's own command, as autosave makes them.
      const failed = await session.call('POST', '/execute/async', {
        script: `const done = arguments[arguments.length - 1];
          const invoke = window.__TAURI_INTERNALS__.invoke;
          (async () => {
            const id = location.hash.split('/')[2];
            let rollout = await invoke('get_rollout', { id });
            for (let i = 1; i <= 60; i++) {
              const { name, kind, sites, sponsor, owner, start_date, go_live_date, phase, scope_in, scope_out } = rollout;
              const draft = { name, kind, goal: 'Shorter queues, take ' + i, sites, sponsor, owner, start_date, go_live_date, phase, scope_in, scope_out };
              rollout = await invoke('update_rollout', { id, expectedRowVersion: rollout.row_version, draft });
            }
          })().then(() => done(null), (e) => done(String(e)));`,
        args: [],
      });
      assert.equal(failed, null, 'sixty saves');
      // Opened again, it reads its history afresh.
      const hash = await session.execute('return location.hash;');
      await session.execute(`location.hash = '#/';`);
      await session.waitFind('.page .tiles');
      await session.execute('location.hash = arguments[0];', [hash.replace(/\/status$/, '')]);
      const more = await session.waitFind('[data-testid="history-more"]');
      assert.equal((await session.findAll('.history ol > li')).length, 50, 'the latest 50');
      assert.match((await more.property('textContent')).replace(/\s+/g, ' '), /The latest 50 of 6\d changes\. Show all 6\d/);
      assert.match(await (await session.find('.history ol > li')).text(), /take 60/, 'newest first');
      await (await session.find('[data-testid="history-more"] button')).click();
      await waitFor('every change', async () => (await session.findAll('.history ol > li')).length > 60);
    });
    await app.quit();
  });
});
