// End to end: a practice manager's week. On the sample clinic, Dana Whitfield says who she
// is, Home opens with her week, a task is ticked off in place on My week and leaves it,
// and her panel on People lists her open tasks. The page is photographed and checked for
// a broken layout at a laptop's and a full HD size, in light and dark.
import assert from 'node:assert/strict';
import { cellOf } from './grid.mjs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliBinary, painted, photograph, resizePage, useApp } from './harness.mjs';
import { LAYOUT_PROBLEMS } from './layout.mjs';
import { Keys, waitFor } from './webdriver.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'rollplan-e2e-week-'));
const shots = process.env.ROLLPLAN_SCREENSHOTS ?? join(workDir, 'screens');
mkdirSync(shots, { recursive: true });

/** The sample clinic in a database of its own, with its own settings folder. */
function sampleClinic(name) {
  const database = join(workDir, `${name}.db`);
  execFileSync(cliBinary, ['--db', database, 'demo'], { encoding: 'utf8' });
  return { database, config: join(workDir, `${name}-config`) };
}

/** The titles of the task lines of the week, as drawn. */
const TASK_LINES = `return [...document.querySelectorAll('li.line[data-kind="task"] .what a')].map((a) => a.textContent.trim());`;

for (const theme of ['light', 'dark']) {
  describe(`My week in ${theme}`, { concurrency: false }, () => {
    const { database, config } = sampleClinic(theme);
    const env = {
      ROLLPLAN_DB: database,
      XDG_CONFIG_HOME: config,
      ...(theme === 'dark' ? { GTK_THEME: 'Adwaita:dark' } : {}),
    };
    const app = useApp(env, workDir);

    it('says who I am, shows my week on Home, ticks a task off, and lists my tasks on People', async () => {
      const session = await app.launch();
      let weekFigures = '';
      await resizePage(session, 1280, 720);

      await app.step(`Home asks who I am (${theme})`, async () => {
        await (await session.waitForText('a', 'Say who you are')).click();
        await session.waitFind('#week-person');
      });

      await app.step(`choose Dana Whitfield and keep her as me (${theme})`, async () => {
        const field = await session.find('#week-person');
        await field.type(`Dana Whitfield${Keys.ENTER}`);
        await session.waitForText('h1', "Dana Whitfield's week");
        await session.waitForText('[aria-label="This week in figures"]', 'overdue');
        await (await session.waitForText('button', 'This is me')).click();
        await session.waitForText('h1', 'My week');
        const tasks = await session.execute(TASK_LINES);
        assert.ok(tasks.includes('Build documentation templates'), `her overdue task is in her week: ${tasks}`);
        weekFigures = await (await session.find('[aria-label="This week in figures"]')).text();
      });

      await app.step(`the page fits at both sizes (${theme})`, async () => {
        for (const [width, height] of [[1280, 720], [1920, 1080]]) {
          await resizePage(session, width, height);
          await painted(session);
          await photograph(session, join(shots, `my-week-${width}x${height}-${theme}.png`));
          const problems = await session.execute(LAYOUT_PROBLEMS);
          assert.deepEqual(problems, [], `My week fits a ${width}×${height} window`);
        }
        await resizePage(session, 1280, 720);
      });

      await app.step(`Home opens with my week (${theme})`, async () => {
        await (await session.waitForText('.sidebar a', 'Home')).click();
        await session.waitForText('section[aria-labelledby="my-week-title"]', 'Your week');
        const summary = await (await session.find('section[aria-labelledby="my-week-title"] .summary')).text();
        assert.equal(summary, weekFigures, "Home's card counts the week as My week does");
        const lines = await session.findAll('section[aria-labelledby="my-week-title"] li.line');
        assert.equal(lines.length, 5, 'the five most pressing lines');
        await painted(session);
        await photograph(session, join(shots, `home-my-week-1280x720-${theme}.png`));
      });

      await app.step(`tick the task off in place (${theme})`, async () => {
        await (await session.waitForText('.sidebar a', 'My week')).click();
        await session.waitForText('li.line[data-kind="task"]', 'Build documentation templates');
        const ticked = await session.execute(
          `const line = [...document.querySelectorAll('li.line[data-kind="task"]')].find((l) => l.textContent.includes(arguments[0]));
           line.querySelector('button').click();
           return true;`,
          ['Build documentation templates'],
        );
        assert.ok(ticked);
        await waitFor('the task to leave the week', async () =>
          !(await session.execute(TASK_LINES)).includes('Build documentation templates'),
        );
      });

      await app.step(`the task is done in its plan (${theme})`, async () => {
        await (await session.waitForText('.sidebar a', 'EHR')).click();
        await (await session.waitForText('.tabs a', 'Plan')).click();
        // A done task's row says so.
        await waitFor('the task done in the grid', async () => (await cellOf(session, 'Build documentation templates', 'status')) === 'Done');
      });

      await app.step(`her panel on People lists her open tasks (${theme})`, async () => {
        await (await session.waitForText('.sidebar a', 'People')).click();
        await (await session.waitForText('button.name', 'Dana Whitfield')).click();
        const tasks = await session.waitFind('section[aria-labelledby="person-tasks-title"]');
        await waitFor('her open tasks', async () => (await tasks.property('textContent')).includes('EHR'));
        assert.doesNotMatch(await tasks.property('textContent'), /Build documentation templates/, 'a done task is not open');
      });
      await app.quit();
    });
  });
}
