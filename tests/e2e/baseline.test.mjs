// End to end: a baseline on the sample clinic's EHR go-live, as a practice manager keeps
// one — set "Signed-off plan", move a task a week later on the timeline, read the plan's
// sentence and see the thin baseline bar under the task's bar; then a second baseline,
// a rename, compare with the first again, remove it. The report says the same sentence
// the screen does. At a laptop's and a full HD size, in light and dark, with the layout
// check.
import assert from 'node:assert/strict';
import { revealOnTimeline } from './grid.mjs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliBinary, painted, photograph, resizePage, useApp } from './harness.mjs';
import { LAYOUT_PROBLEMS } from './layout.mjs';
import { Keys, waitFor } from './webdriver.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'rollplan-e2e-baseline-'));
const shots = process.env.ROLLPLAN_SCREENSHOTS ?? join(workDir, 'screens');
mkdirSync(shots, { recursive: true });

const MOVED = 'Write tip sheets for each role';
const BAR = (title) => `g.task[data-task-title="${title}"]`;
const SENTENCE = '[data-testid="baseline-sentence"]';

for (const theme of ['light', 'dark']) {
  describe(`Baselines in ${theme}`, { concurrency: false }, () => {
    const database = join(mkdtempSync(join(workDir, `${theme}-`)), 'clinic.db');
    const cli = (...args) => execFileSync(cliBinary, ['--db', database, ...args], { encoding: 'utf8' });
    cli('demo');
    const env = { ROLLPLAN_DB: database, ...(theme === 'dark' ? { GTK_THEME: 'Adwaita:dark' } : {}) };
    const app = useApp(env, workDir);

    it('sets a baseline, shows what moved against it, and keeps, renames, chooses and removes baselines', async () => {
      const session = await app.launch();
      await resizePage(session, 1920, 1080);
      const sentence = async () => (await (await session.waitFind(SENTENCE)).text()).trim();
      const openBaselines = async () => {
        await (await session.waitForText('.plan header button', 'Baselines…')).click();
        await session.waitFind('#baseline-name');
      };
      const closeBaselines = async () => {
        await (await session.waitForText('dialog button', 'Close')).click();
        await waitFor('the dialog to close', async () => (await session.findAll('dialog[open]')).length === 0);
      };
      const setBaseline = async (name) => {
        await (await session.find('#baseline-name')).type(name);
        await (await session.waitForText('dialog button', 'Set baseline')).click();
        await session.waitForText('ul[aria-label="Baselines"] li.compared', name);
      };
      const reveal = (title) => revealOnTimeline(session, title);

      await app.step(`open the plan (${theme})`, async () => {
        await (await session.waitForText('.sidebar a', 'EHR')).click();
        await (await session.waitForText('.tabs a', 'Plan')).click();
        await session.waitForText('[data-testid="plan-summary"]', 'tasks and milestones');
        assert.equal((await session.findAll(SENTENCE)).length, 0, 'without a baseline the summary says nothing of one');
      });

      await app.step(`set the baseline "Signed-off plan" (${theme})`, async () => {
        await openBaselines();
        await setBaseline('Signed-off plan');
        await closeBaselines();
        await waitFor('the comparison in the summary', async () =>
          (await sentence()) === 'Every task due as in the baseline, go-live unchanged.',
        );
      });

      await app.step(`move a task a week later on the timeline (${theme})`, async () => {
        await (await session.waitForText('button', 'Timeline')).click();
        await session.waitFind('[data-testid="timeline"]');
        await waitFor(`${MOVED} on the chart`, async () => {
          await reveal(MOVED);
          return (await session.findAll(BAR(MOVED))).length === 1;
        });
        const label = await session.find(`.labels button[aria-label^="${MOVED}:"]`);
        await label.type(`${Keys.SHIFT}${Keys.ALT}${Keys.ARROW_RIGHT}${Keys.NULL}`);
        // When tasks wait for it, the rollout asks what to do with them: only this one.
        await waitFor('the move to be saved', async () => {
          const only = await session.execute(
            `const b = [...document.querySelectorAll('dialog[open] button')].find((b) => b.textContent.includes('Change only this task'));
             if (b) b.click();
             return document.querySelector(arguments[0])?.textContent ?? '';`,
            [SENTENCE],
          );
          return only.startsWith('1 task later than baseline');
        });
        assert.equal(await sentence(), '1 task later than baseline, go-live unchanged.');
      });

      await app.step(`the thin bar shows the baseline under the moved bar (${theme})`, async () => {
        await reveal(MOVED);
        const [barX, baselineX, legend, title] = await session.execute(
          `const g = document.querySelector(arguments[0]);
           const bar = g.querySelector('rect.bar').getBoundingClientRect();
           const then = g.querySelector('rect.baseline').getBoundingClientRect();
           const legend = document.querySelector('.legend').textContent;
           const label = [...document.querySelectorAll('.labels button')].find((b) => b.getAttribute('aria-label').startsWith(arguments[1] + ':'));
           return [bar.x, then.x, legend, label.getAttribute('aria-label')];`,
          [BAR(MOVED), MOVED],
        );
        assert.ok(baselineX < barX - 10, `the baseline bar starts a week before the moved bar (${baselineX} < ${barX})`);
        assert.match(legend, /Baseline/, 'the legend names the baseline bar');
        assert.match(title, /7 days later than baseline/, 'the task says how far it moved');
        for (const [width, height] of [[1280, 720], [1920, 1080]]) {
          await resizePage(session, width, height);
          await reveal(MOVED);
          await photograph(session, join(shots, `baseline-timeline-${width}x${height}-${theme}.png`));
          const problems = await session.execute(LAYOUT_PROBLEMS);
          assert.deepEqual(problems, [], `the plan with its baseline fits a ${width}×${height} window`);
        }
      });

      await app.step(`keep a second baseline, rename the first and compare with it (${theme})`, async () => {
        await openBaselines();
        await setBaseline('After vendor delay');
        assert.equal((await session.findAll('ul[aria-label="Baselines"] li')).length, 2, 'both baselines are kept');
        await (await session.find('button[aria-label="Rename Signed-off plan"]')).click();
        const field = await session.waitFind('input[aria-label="New name of Signed-off plan"]');
        await field.erase();
        await field.type('Board sign-off');
        await (await session.waitForText('ul[aria-label="Baselines"] button', 'Save')).click();
        await session.waitForText('ul[aria-label="Baselines"] li', 'Board sign-off');
        await (await session.waitFind('button[aria-label="Compare with Board sign-off"]')).click();
        await session.waitForText('ul[aria-label="Baselines"] li.compared', 'Board sign-off');
        for (const [width, height] of [[1280, 720], [1920, 1080]]) {
          await resizePage(session, width, height);
          await painted(session);
          await photograph(session, join(shots, `baseline-dialog-${width}x${height}-${theme}.png`));
          const problems = await session.execute(LAYOUT_PROBLEMS);
          assert.deepEqual(problems, [], `the baselines dialog fits a ${width}×${height} window`);
        }
        await closeBaselines();
        await waitFor('the comparison with the chosen baseline', async () => (await sentence()).startsWith('1 task later'));
      });

      const shown = await sentence();
      await app.step(`remove the chosen baseline (${theme})`, async () => {
        await openBaselines();
        await (await session.find('button[aria-label="Remove Board sign-off"]')).click();
        await waitFor('one baseline left', async () => (await session.findAll('ul[aria-label="Baselines"] li')).length === 1);
        await session.waitForText('ul[aria-label="Baselines"] li.compared', 'After vendor delay');
        await closeBaselines();
        await waitFor('the comparison with the latest baseline', async () =>
          (await sentence()) === 'Every task due as in the baseline, go-live unchanged.',
        );
      });
      await app.quit();

      // The report says what the screen said: compare with the one it showed before the removal.
      const rollouts = JSON.parse(cli('rollouts', 'list', '--json'));
      const ehr = rollouts.find((r) => r.name.includes('EHR'));
      const out = join(workDir, `${theme}-report.md`);
      cli('export', ehr.id, '--format', 'md', '--out', out);
      const report = readFileSync(out, 'utf8');
      assert.ok(
        report.includes('Every task due as in the baseline, go-live unchanged (baseline “After vendor delay”).'),
        `the report's Plan section says the comparison the plan tab shows (before: ${shown})`,
      );
    });
  });
}
