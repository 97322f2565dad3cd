// End to end: working the plan on the Gantt chart with the mouse and the keyboard. On the
// sample clinic's EHR go-live, a bar is dragged two days earlier (a tooltip shows the
// dates while dragging), its end is dragged a day shorter, a link is drawn from one bar
// to another, a task is moved a day with Alt+←, and the zoom goes from days to quarters.
import assert from 'node:assert/strict';
import { revealOnTimeline } from './grid.mjs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliBinary, painted, photograph, resizePage, useApp } from './harness.mjs';
import { Keys, waitFor } from './webdriver.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'rollplan-e2e-gantt-'));
const shots = process.env.ROLLPLAN_SCREENSHOTS ?? join(workDir, 'screens');
mkdirSync(shots, { recursive: true });
const database = join(workDir, 'clinic.db');

const MOVED = 'Write tip sheets for each role';
const WAITING = 'Proficiency checks for all end users';
const DAY = 18; // pixels a day at the *Weeks* zoom

/** `text` (YYYY-MM-DD) moved by `days`. */
function shifted(text, days) {
  return new Date(Date.parse(`${text}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const BAR = (title) => `g.task[data-task-title="${title}"]`;

describe('The Gantt chart', { concurrency: false }, () => {
  execFileSync(cliBinary, ['--db', database, 'demo'], { encoding: 'utf8' });
  const app = useApp({ ROLLPLAN_DB: database }, workDir);

  it('moves, shortens and links tasks by dragging, and moves one with the keyboard', async () => {
    const session = await app.launch();
    await resizePage(session, 1920, 1080);
    const dates = (title) =>
      session.execute(`const g = document.querySelector(arguments[0]); return g && [g.dataset.start, g.dataset.due];`, [BAR(title)]);
    const reveal = (title) => revealOnTimeline(session, title);

    await app.step('open the timeline', async () => {
      await (await session.waitForText('.sidebar a', 'EHR')).click();
      await (await session.waitForText('.tabs a', 'Plan')).click();
      await (await session.waitForText('button', 'Timeline')).click();
      await session.waitFind('[data-testid="timeline"]');
      await waitFor(`${MOVED} on the chart`, async () => {
        await reveal(MOVED);
        return (await session.findAll(BAR(MOVED))).length === 1;
      });
    });

    const [start, due] = await dates(MOVED);
    await app.step('drag a bar two days earlier', async () => {
      const bar = await session.find(`${BAR(MOVED)} rect.bar`);
      await session.press(bar);
      await session.moveBy(-2 * DAY);
      const tip = await session.waitFind('.drag-tip');
      const words = await tip.text();
      assert.match(words, / – /, `the tooltip shows the dates while dragging: ${words}`);
      await photograph(session, join(shots, 'gantt-drag-1920x1080-light.png'));
      await session.release();
      await waitFor('the task two days earlier', async () => {
        const now = await dates(MOVED);
        return now && now[0] === shifted(start, -2) && now[1] === shifted(due, -2);
      });
    });

    await app.step("drag the bar's end a day shorter", async () => {
      const end = await session.find(`${BAR(MOVED)} rect.resize`);
      await session.press(end);
      await session.moveBy(-DAY);
      await session.release();
      await waitFor('the due date a day earlier, the start kept', async () => {
        const now = await dates(MOVED);
        return now && now[0] === shifted(start, -2) && now[1] === shifted(due, -3);
      });
    });

    await app.step('draw a link from one bar to another', async () => {
      // Months put both bars in view.
      await (await session.waitForText('.zoom button', 'Months')).click();
      await painted(session);
      await reveal(WAITING);
      await reveal(MOVED);
      const movedId = await session.execute(`return document.querySelector(arguments[0]).dataset.taskId;`, [BAR(MOVED)]);
      const HANDLE = `circle.handle[data-link-from="${movedId}"]`;
      const handle = await session.find(HANDLE);
      const target = await session.find(`${BAR(WAITING)} rect.bar`);
      const [from, to] = await session.execute(
        `return [arguments[0], arguments[1]].map((css) => { const r = document.querySelector(css).getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; });`,
        [HANDLE, `${BAR(WAITING)} rect.bar`],
      );
      assert.ok(target, 'the waiting task is on the chart');
      await session.press(handle);
      await session.moveBy(to[0] - from[0], to[1] - from[1]);
      await session.release();
      await session.waitFind(`path[data-arrow="${MOVED} → ${WAITING}"]`);
    });

    await app.step('move a task a day with Alt+←', async () => {
      await reveal(MOVED);
      const before = await dates(MOVED);
      const label = await session.find(`.labels button[aria-label^="${MOVED}:"]`);
      await label.type(`${Keys.ALT}${Keys.ARROW_LEFT}${Keys.NULL}`);
      await waitFor('the task a day earlier', async () => {
        const now = await dates(MOVED);
        return now && now[0] === shifted(before[0], -1) && now[1] === shifted(before[1], -1);
      });
    });

    await app.step('zoom from days to quarters and back to today', async () => {
      await (await session.waitForText('.zoom button', 'Days')).click();
      await session.waitForText('.zoom button[aria-pressed="true"]', 'Days');
      await (await session.waitForText('.zoom button', 'Quarters')).click();
      await session.waitForText('[data-testid="timeline"] .tick-label', 'Q');
      await (await session.waitForText('.zoom button', 'Today')).click();
      const todayInView = await session.execute(
        `const scroller = document.querySelector('[data-testid="timeline"]');
         const today = scroller.querySelector('line.today').getBoundingClientRect();
         const box = scroller.getBoundingClientRect();
         return today.x >= box.x && today.x <= box.right;`,
      );
      assert.ok(todayInView, 'Today brings today into view');
      await painted(session);
      await photograph(session, join(shots, 'gantt-quarters-1920x1080-light.png'));
    });
    await app.quit();
  });
});
