// End to end: undo and redo across screens. On the sample clinic, a step of the prior
// authorization SOP is given to another role; on the People screen Ctrl+Z takes it back
// (the header named it, a toast says what was undone) and the SOP shows the old role
// again; the header's Redo brings the edit back. On the Gantt a bar is dragged, Ctrl+Z
// puts it back, Ctrl+Shift+Z moves it again. The header is photographed at a laptop's
// and a full HD size, light and dark, and its layout checked.
import assert from 'node:assert/strict';
import { revealOnTimeline } from './grid.mjs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliBinary, painted, photograph, resizePage, useApp, sampleClinicWithSop } from './harness.mjs';
import { LAYOUT_PROBLEMS } from './layout.mjs';
import { Keys, waitFor } from './webdriver.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'rollplan-e2e-undo-'));
const shots = process.env.ROLLPLAN_SCREENSHOTS ?? join(workDir, 'screens');
mkdirSync(shots, { recursive: true });

/** A sample clinic of the test's own, and its SOP CL-020. */
const sampleClinic = (name) => sampleClinicWithSop(workDir, name, 'CL-020');

const ROLE = '[aria-label="Step 3 role"]';
const BEFORE = 'Referral coordinator';
const AFTER = 'Scheduler';

/** Presses `keys` with Ctrl held, on a sidebar link (not a field being typed in). */
async function withCtrl(session, keys) {
  const link = await session.waitForText('.sidebar a', 'Settings');
  await link.type(`${Keys.CONTROL}${keys}${Keys.NULL}`);
}

async function openSopSteps(session, sop) {
  await session.execute('window.location.hash = arguments[0];', [`#/sops/${sop.id}`]);
  await session.waitFind('#sop-versions-title');
  await session.execute(`[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'List')?.click();`);
  return session.waitFind(ROLE);
}

const roleNow = (session) => session.execute('return document.querySelector(arguments[0])?.value ?? null;', [ROLE]);

/** Layout problems of the header's undo bar. */
async function undoBarProblems(session) {
  const problems = await session.execute(LAYOUT_PROBLEMS);
  return problems.filter((p) => /undo/.test(p));
}

for (const theme of ['light', 'dark']) {
  describe(`Undo and redo in ${theme}`, { concurrency: false }, () => {
    const { database, sop } = sampleClinic(theme);
    const env = { ROLLPLAN_DB: database, ...(theme === 'dark' ? { GTK_THEME: 'Adwaita:dark' } : {}) };
    const app = useApp(env, workDir);

    it('undoes an edit from another screen with Ctrl+Z and redoes it from the header', async () => {
      const session = await app.launch();
      await resizePage(session, 1280, 720);

      await app.step(`give step 3 to the scheduler (${theme})`, async () => {
        const role = await openSopSteps(session, sop);
        assert.equal(await roleNow(session), BEFORE);
        await role.erase();
        await role.type(AFTER);
        await session.waitFind('[data-save-status="saved"]');
        const label = await session.waitForText('[data-testid="undo-label"]', 'Undo: edit SOP');
        assert.match(await label.property('textContent'), /^Undo: edit SOP “.+”$/, 'the header names what would be undone');
      });

      await app.step(`photograph the header (${theme})`, async () => {
        for (const [width, height] of [[1280, 720], [1920, 1080]]) {
          await resizePage(session, width, height);
          await painted(session);
          await photograph(session, join(shots, `undo-header-${width}x${height}-${theme}.png`));
          assert.deepEqual(await undoBarProblems(session), [], `the undo bar lays out at ${width}×${height}`);
        }
        await resizePage(session, 1280, 720);
      });

      await app.step(`undo it from the People screen with Ctrl+Z (${theme})`, async () => {
        await (await session.waitForText('.sidebar a', 'People')).click();
        await session.waitForText('h1', 'People');
        await withCtrl(session, 'z');
        const toast = await session.waitForText('.toast', 'Undone: edit SOP');
        assert.match(await toast.property('textContent'), /Undone: edit SOP “.+”/, 'a toast says what was undone');
        await session.waitForText('[data-testid="redo"]', 'Redo');
        assert.equal(
          await session.execute('return document.querySelector(\'[data-testid="redo"]\').disabled;'),
          false,
          'Redo is offered',
        );
        await painted(session);
        await photograph(session, join(shots, `undo-toast-1280x720-${theme}.png`));
      });

      await app.step(`the SOP shows the old role again (${theme})`, async () => {
        await openSopSteps(session, sop);
        await waitFor(`step 3 back with the ${BEFORE}`, async () => (await roleNow(session)) === BEFORE);
      });

      await app.step(`redo it from the header (${theme})`, async () => {
        await (await session.waitFind('[data-testid="redo"]')).click();
        await session.waitForText('.toast', 'Redone: edit SOP');
        await waitFor(`step 3 with the ${AFTER} again, on the open screen`, async () => (await roleNow(session)) === AFTER);
      });

      await app.step(`History says it was undone and redone (${theme})`, async () => {
        const history = await session.waitFind('.history');
        await waitFor('the undo and the redo in the history', async () => {
          const text = await history.property('textContent');
          return /Undone: edit/.test(text) && /Redone: edited/.test(text);
        });
      });
      await app.quit();
    });
  });
}

describe('Undo on the Gantt chart', { concurrency: false }, () => {
  const { database } = sampleClinic('gantt');
  const app = useApp({ ROLLPLAN_DB: database }, workDir);
  const MOVED = 'Write tip sheets for each role';
  const BAR = `g.task[data-task-title="${MOVED}"]`;
  const DAY = 18; // pixels a day at the *Weeks* zoom

  it('puts a dragged bar back with Ctrl+Z and moves it again with Ctrl+Shift+Z', async () => {
    const session = await app.launch();
    await resizePage(session, 1920, 1080);
    const dates = () =>
      session.execute(`const g = document.querySelector(arguments[0]); return g && [g.dataset.start, g.dataset.due];`, [BAR]);
    // The screen is rebuilt from the file after an undo, as after a teammate's change,
    // and keeps the timeline the person had open.
    const reveal = async () => {
      await session.waitFind('[data-testid="timeline"]');
      await revealOnTimeline(session, MOVED);
    };

    await app.step('open the timeline', async () => {
      await (await session.waitForText('.sidebar a', 'EHR')).click();
      await (await session.waitForText('.tabs a', 'Plan')).click();
      await (await session.waitForText('button', 'Timeline')).click();
      await session.waitFind('[data-testid="timeline"]');
      await waitFor(`${MOVED} on the chart`, async () => {
        await reveal();
        return (await session.findAll(BAR)).length === 1;
      });
    });

    const original = await dates();
    let moved;
    await app.step('drag the bar two days earlier', async () => {
      await session.press(await session.find(`${BAR} rect.bar`));
      await session.moveBy(-2 * DAY);
      await session.release();
      await waitFor('the bar moved', async () => {
        const now = await dates();
        return now && now[0] !== original[0];
      });
      moved = await dates();
      await session.waitForText('[data-testid="undo-label"]', 'Undo: move');
    });

    await app.step('Ctrl+Z puts it back', async () => {
      await withCtrl(session, 'z');
      await session.waitForText('.toast', 'Undone: move');
      await waitFor('the bar back where it was', async () => {
        await reveal();
        const now = await dates();
        return now && now[0] === original[0] && now[1] === original[1];
      });
    });

    await app.step('Ctrl+Shift+Z moves it again', async () => {
      await withCtrl(session, `${Keys.SHIFT}z`);
      await session.waitForText('.toast', 'Redone: move');
      await waitFor('the bar moved again', async () => {
        await reveal();
        const now = await dates();
        return now && now[0] === moved[0] && now[1] === moved[1];
      });
      await painted(session);
      await photograph(session, join(shots, 'undo-gantt-1920x1080-light.png'));
    });
    await app.quit();
  });
});
