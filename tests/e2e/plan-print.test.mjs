// End to end: printing a rollout's plan. From the sample clinic's EHR go-live, the plan
// grid, the Gantt chart (one page wide, then across pages with the names repeated) and
// the readiness checklist are laid out for paper; each sheet is the printable width of
// the paper chosen, names the rollout and the date, and fits the window.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliBinary, painted, photograph, resizePage, useApp } from './harness.mjs';
import { LAYOUT_PROBLEMS } from './layout.mjs';
import { waitFor } from './webdriver.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'rollplan-e2e-print-'));
const shots = process.env.ROLLPLAN_SCREENSHOTS ?? join(workDir, 'screens');
mkdirSync(shots, { recursive: true });

const SHEET = '[data-testid="print-sheet"]';

/** Chooses `value` in the toolbar's select labelled `label`. */
async function choose(session, label, value) {
  await session.execute(
    `const select = document.querySelector('select[aria-label="' + arguments[0] + '"]');
     select.value = arguments[1];
     select.dispatchEvent(new Event('change', { bubbles: true }));`,
    [label, value],
  );
  await painted(session);
}

for (const theme of ['light', 'dark']) {
  describe(`Printing the plan in ${theme}`, { concurrency: false }, () => {
    const database = join(workDir, `${theme}.db`);
    execFileSync(cliBinary, ['--db', database, 'demo'], { encoding: 'utf8' });
    const env = { ROLLPLAN_DB: database, ...(theme === 'dark' ? { GTK_THEME: 'Adwaita:dark' } : {}) };
    const app = useApp(env, workDir);

    it('lays out the plan, the Gantt chart and the readiness checklist for paper', async () => {
      const session = await app.launch();
      await resizePage(session, 1280, 720);
      const fits = async (name) => {
        for (const [width, height] of [[1280, 720], [1920, 1080]]) {
          await resizePage(session, width, height);
          await painted(session);
          await photograph(session, join(shots, `${name}-${width}x${height}-${theme}.png`));
          assert.deepEqual(await session.execute(LAYOUT_PROBLEMS), [], `${name} fits a ${width}×${height} window`);
        }
        await resizePage(session, 1280, 720);
      };

      await app.step(`the plan grid (${theme})`, async () => {
        await (await session.waitForText('.sidebar a', 'EHR')).click();
        await (await session.waitForText('.tabs a', 'Plan')).click();
        await (await session.waitForText('a.button', 'Print…')).click();
        const sheet = await session.waitForText(SHEET, 'EHR go-live: Riverside & Northgate');
        const text = await sheet.property('textContent');
        assert.match(text, /printed /, 'each page names the date it was printed');
        assert.match(text, /Build documentation templates/, 'the tasks are listed');
        await choose(session, 'Paper', 'letter');
        await choose(session, 'Orientation', 'landscape');
        const width = await session.execute(`return document.querySelector(arguments[0]).getBoundingClientRect().width;`, [SHEET]);
        assert.equal(Math.round(width), 965, 'letter landscape: 11 in less the margins');
        await fits('print-plan');
      });

      await app.step(`the Gantt chart, one page wide and across pages (${theme})`, async () => {
        await choose(session, 'What to print', 'gantt');
        await session.waitFind('[data-testid="gantt-page"]');
        assert.equal((await session.findAll('[data-testid="gantt-page"]')).length, 1, 'one page wide');
        await choose(session, 'Fit', 'pages');
        await waitFor('the chart across pages', async () => (await session.findAll('[data-testid="gantt-page"]')).length > 1);
        const names = await session.execute(
          `return [...document.querySelectorAll('[data-testid="gantt-page"]')].map((page) => page.querySelectorAll('td.name').length);`,
        );
        assert.ok(names.every((n) => n === names[0] && n > 0), `every page repeats the task names: ${names}`);
        await choose(session, 'Orientation', 'portrait');
        const overflowing = await session.execute(
          `const sheet = document.querySelector(arguments[0]).getBoundingClientRect();
           return [...document.querySelectorAll('[data-testid="gantt-page"] .bar, [data-testid="gantt-page"] .tick')]
             .filter((el) => el.getBoundingClientRect().right > sheet.right + 1 || el.getBoundingClientRect().left < sheet.left - 1).length;`,
          [SHEET],
        );
        assert.equal(overflowing, 0, 'every bar and date label stays on its page');
        await fits('print-gantt');
      });

      await app.step(`the readiness checklist (${theme})`, async () => {
        await choose(session, 'What to print', 'readiness');
        const sheet = await session.waitForText(SHEET, 'Readiness checklist');
        assert.match(await sheet.property('textContent'), /% ready/, 'with the verdict and score the readiness page shows');
        await fits('print-readiness');
      });
      await app.quit();
    });
  });
}
