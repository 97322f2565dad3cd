// Every screen of the sample clinic, at a 1280×720 laptop, at full HD and at 2560×1440, in light and
// dark: each is photographed (the pictures are kept for a person to look at) and checked
// for what a person would call broken — see layout.mjs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliBinary, painted, photograph, resizePage, useApp } from './harness.mjs';
import { LAYOUT_PROBLEMS } from './layout.mjs';
import { Keys, waitFor } from './webdriver.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'rollplan-screens-'));
const database = join(workDir, 'rollplan.db');
const shots = process.env.ROLLPLAN_SCREENSHOTS ?? join(workDir, 'screens');
mkdirSync(shots, { recursive: true });

const cli = (...args) => execFileSync(cliBinary, ['--db', database, ...args], { encoding: 'utf8' });
cli('demo');
const rollouts = JSON.parse(cli('rollouts', 'list', '--json'));
const ehr = rollouts.find((r) => r.kind === 'ehr_go_live');
const sop = JSON.parse(cli('sops', 'list', '--json'))[0];
assert.ok(ehr && sop, 'the sample clinic has an EHR go-live and SOPs');

/** Each screen: its hash, what shows it is drawn, and what to do once it is. */
const SCREENS = [
  { name: 'home', hash: '#/', ready: '#all-rollouts' },
  ...['overview', 'plan', 'readiness', 'metrics', 'risks', 'decisions', 'comms', 'stakeholders', 'scope', 'status', 'debriefs'].map((tab) => ({
    name: `rollout-${tab}`,
    hash: `#/rollouts/${ehr.id}${tab === 'overview' ? '' : `/${tab}`}`,
    ready: `.tabs a[aria-current="page"][href$="${tab === 'overview' ? ehr.id : tab}"]`,
  })),
  {
    name: 'rollout-timeline',
    hash: `#/rollouts/${ehr.id}/plan`,
    ready: '.plan[aria-busy="false"]',
    then: (s) => s.execute(`[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Timeline').click();`),
  },
  { name: 'people', hash: '#/people', ready: 'main h1' },
  { name: 'training', hash: '#/training', ready: 'main h1' },
  {
    name: 'training-due',
    hash: '#/training',
    ready: '[role="tab"]',
    then: (s) => s.execute(`document.querySelectorAll('[role="tab"]')[1].click();`),
  },
  { name: 'sops', hash: '#/sops', ready: 'main h1' },
  { name: 'sop', hash: `#/sops/${sop.id}`, ready: '#sop-versions-title' },
  {
    name: 'sop-map',
    hash: `#/sops/${sop.id}`,
    ready: '#sop-versions-title',
    then: async (s) => {
      await s.execute(`[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Map').click();`);
      await s.waitFind('[data-testid="sop-map"] svg');
      await s.execute(`document.querySelector('[data-testid="sop-map-figures"]').scrollIntoView({ block: 'start' });`);
    },
  },
  { name: 'trash', hash: '#/trash', ready: 'main h1' },
  { name: 'status-all-rollouts', hash: '#/status', ready: '[data-testid="status-week"]' },
  { name: 'settings', hash: '#/settings', ready: '#about-title' },
  {
    name: 'new-rollout-dialog',
    hash: '#/',
    ready: '#all-rollouts',
    then: async (s) => (await s.find('.sidebar button[aria-label="New rollout"]')).click(),
    dialog: '#new-name',
  },
  {
    name: 'task-dialog',
    hash: `#/rollouts/${ehr.id}/plan`,
    ready: '.plan[aria-busy="false"]',
    // The plan opens as it was left (the timeline, a screen ago): back to the list first.
    then: async (s) => {
      await s.execute(`[...document.querySelectorAll('.plan button')].find((b) => b.textContent.trim() === 'List').click();`);
      await (await s.waitFind('.open-task')).click();
    },
    dialog: '#task-due',
  },
  {
    name: 'criterion-dialog',
    hash: `#/rollouts/${ehr.id}/readiness`,
    ready: 'button.title[aria-label^="Edit "]',
    then: async (s) => (await s.find('button.title[aria-label^="Edit "]')).click(),
    dialog: '#criterion-edit-title',
  },
  {
    name: 'metric-dialog',
    hash: `#/rollouts/${ehr.id}/metrics`,
    ready: '.tile',
    then: (s) => s.execute(`[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Add metric').click();`),
    dialog: '#metric-name',
  },
  {
    name: 'record-week-dialog',
    hash: `#/rollouts/${ehr.id}/metrics`,
    ready: '.tile',
    then: (s) => s.execute(`[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Record this week…').click();`),
    dialog: '#entry-date',
  },
  {
    name: 'export-dialog',
    hash: `#/rollouts/${ehr.id}`,
    ready: '#rollout-go-live',
    then: (s) => s.execute(`[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Export…').click();`),
    dialog: 'input[name="export-detail"]',
  },
  {
    name: 'go-live-dialog',
    hash: `#/rollouts/${ehr.id}/plan`,
    ready: '.plan[aria-busy="false"]',
    then: (s) => s.execute(`[...document.querySelectorAll('.plan button')].find((b) => b.textContent.includes('Move go-live')).click();`),
    dialog: '#new-go-live-date',
  },
];

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 2560, height: 1440 },
];

/** Resizes the window so the page itself is the screen's size. */
function resize(session, { width, height }) {
  return resizePage(session, width, height);
}

async function visit(session, screen) {
  await session.execute('window.location.hash = arguments[0];', [screen.hash]);
  await session.waitFind(screen.ready);
  if (screen.then) await screen.then(session);
  if (screen.dialog) await session.waitFind(screen.dialog);
  await painted(session);
}

for (const theme of ['light', 'dark']) {
  describe(`every screen in ${theme}`, { concurrency: false }, () => {
    const env = { ROLLPLAN_DB: database, ...(theme === 'dark' ? { GTK_THEME: 'Adwaita:dark' } : {}) };
    const app = useApp(env, workDir);

    for (const size of SIZES) {
      it(`reads right at ${size.width}×${size.height}`, async () => {
        const session = await app.launch();
        await resize(session, size);
        const dark = await session.execute(`return matchMedia('(prefers-color-scheme: dark)').matches;`);
        assert.equal(dark, theme === 'dark', `the window follows the ${theme} theme`);
        const found = [];
        for (const screen of SCREENS) {
          await app.step(`${screen.name}-${theme}-${size.width}`, async () => {
            await visit(session, screen);
            const shot = join(shots, `${screen.name}-${size.width}x${size.height}-${theme}.png`);
            await photograph(session, shot);
            const problems = await session.execute(LAYOUT_PROBLEMS);
            found.push(...problems.map((p) => `${screen.name}: ${p}`));
            if (screen.dialog) {
              await (await session.find('dialog[open]')).type(Keys.ESCAPE);
              await waitFor('the dialog to close', async () => (await session.findAll('dialog[open]')).length === 0);
            }
          });
        }
        console.log(`screenshots: ${shots}`);
        assert.deepEqual(found, [], `every screen must fit a ${size.width}×${size.height} window in ${theme}`);
      });
    }
  });
}
