// End to end: the plan worked as a spreadsheet. On the sample clinic's EHR go-live a
// title, a due date typed as people write it, a status and a percentage are typed into
// cells; cells are copied to the clipboard as tab-separated text and pasted back from
// what a spreadsheet puts there; a column is filled down; rows are indented and
// outdented; three rows are changed at once, undone with Ctrl+Z and redone; columns
// are hidden and widened and stay so.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cellOf, typeIntoCell, cellElement } from './grid.mjs';
import { cliBinary, painted, photograph, resizePage, useApp } from './harness.mjs';
import { LAYOUT_PROBLEMS } from './layout.mjs';
import { Keys, waitFor } from './webdriver.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'rollplan-e2e-grid-'));
const shots = process.env.ROLLPLAN_SCREENSHOTS ?? join(workDir, 'screens');
mkdirSync(shots, { recursive: true });

const TIP_SHEETS = 'Write tip sheets for each role';
const RENAMED = 'Write tip sheets for every role';
const PROFICIENCY = 'Proficiency checks for all end users';

/** The grid's titles in the order drawn. */
const TITLES = `return [...document.querySelectorAll('.grid .row[data-task] .title')].map((t) => t.textContent.replace('◆', '').trim());`;

/** Puts `text` on the system clipboard the way a spreadsheet does: selected, Ctrl+C. */
async function copyToClipboard(session, text) {
  await session.execute(
    `const area = document.createElement('textarea'); area.id = 'clipboard-source'; area.value = arguments[0];
     document.body.appendChild(area); area.focus(); area.select();`, [text]);
  await (await session.find('#clipboard-source')).type(`${Keys.CONTROL}c${Keys.NULL}`);
  await session.execute(`document.getElementById('clipboard-source').remove();`);
}

/** What is on the system clipboard, pasted into a scratch text area. */
async function readClipboard(session) {
  await session.execute(
    `const area = document.createElement('textarea'); area.id = 'clipboard-target'; document.body.appendChild(area); area.focus();`);
  await (await session.find('#clipboard-target')).type(`${Keys.CONTROL}v${Keys.NULL}`);
  const text = await session.execute(`const a = document.getElementById('clipboard-target'); const t = a.value; a.remove(); return t;`);
  return text;
}

for (const theme of ['light', 'dark']) {
  describe(`The plan grid in ${theme}`, { concurrency: false }, () => {
    const database = join(workDir, `${theme}.db`);
    execFileSync(cliBinary, ['--db', database, 'demo'], { encoding: 'utf8' });
    const app = useApp({ ROLLPLAN_DB: database, ...(theme === 'dark' ? { GTK_THEME: 'Adwaita:dark' } : {}) }, workDir);

    it('edits cells with the keyboard, copies and pastes with a spreadsheet, fills down, indents and changes rows at once', async () => {
      const session = await app.launch();
      await resizePage(session, 1920, 1080);
      const grid = () => session.find('.grid');
      /** Answers the schedule question, if the rollout asks it, with "only this task". */
      const onlyThisTask = async () => {
        const [confirm] = await session.findAll('[data-testid="schedule-confirm"]');
        if (confirm) await (await session.waitForText('[data-testid="schedule-confirm"] button', 'only this task')).click();
      };

      await app.step(`open the plan as a grid (${theme})`, async () => {
        await (await session.waitForText('.sidebar a', 'EHR')).click();
        await (await session.waitForText('.tabs a', 'Plan')).click();
        await session.waitFind('.grid .row[data-task]');
        const drawn = await session.execute(`return document.querySelectorAll('.grid .row[data-task]').length;`);
        const total = Number(/(\d+) tasks and milestones/.exec(await (await session.waitForText('[data-testid="plan-summary"]', 'tasks and milestones')).text())?.[1]);
        assert.ok(drawn < total, `only the rows in view are drawn (${drawn} of ${total})`);
      });

      await app.step(`type a title and a due date as people write it (${theme})`, async () => {
        await typeIntoCell(session, TIP_SHEETS, 'title', RENAMED);
        await waitFor('the new title', async () => (await session.execute(TITLES)).includes(RENAMED));
        await typeIntoCell(session, RENAMED, 'due', '1/29/2027');
        // The rollout moves what waits for a task: it asks first, and this edit is only this task's.
        await session.waitFind('[data-testid="schedule-confirm"]');
        await onlyThisTask();
        await waitFor('the new due date', async () => (await cellOf(session, RENAMED, 'due')) === 'Jan 29, 2027');
      });

      await app.step(`a percentage moves the status; Escape keeps the cell (${theme})`, async () => {
        await typeIntoCell(session, RENAMED, 'percent', '40%');
        await waitFor('40 % and doing', async () =>
          (await cellOf(session, RENAMED, 'percent')) === '40%' && (await cellOf(session, RENAMED, 'status')) === 'Doing');
        await typeIntoCell(session, RENAMED, 'title', 'Something else', Keys.ESCAPE);
        assert.ok((await session.execute(TITLES)).includes(RENAMED), 'Escape leaves the title as it was');
      });

      await app.step(`a date that cannot be read is refused in place (${theme})`, async () => {
        await typeIntoCell(session, RENAMED, 'due', 'sometime soon');
        const problem = await session.waitFind('[data-testid="grid-problem"]');
        assert.match(await problem.text(), /can't read "sometime soon" as a date/);
        const editor = await session.find('.grid .editor');
        assert.equal(await editor.property('value'), 'sometime soon', 'what was typed stays to be corrected');
        await editor.type(Keys.ESCAPE);
        assert.equal(await cellOf(session, RENAMED, 'due'), 'Jan 29, 2027');
      });

      await app.step(`type what a task waits for by number; a loop is refused (${theme})`, async () => {
        const number = Number(await cellOf(session, RENAMED, 'number'));
        const before = await cellOf(session, RENAMED, 'after');
        await typeIntoCell(session, RENAMED, 'after', `${before}, 2SS+1d`);
        // The cell lists what it waits for in the order those tasks are due.
        const links = async () => (await cellOf(session, RENAMED, 'after')).split(', ').sort().join(', ');
        await waitFor('the new link', async () => (await links()) === [before, '2SS+1d'].sort().join(', '));
        const firstWaitedFor = Number(before.split(',')[0]);
        const titles = await session.execute(
          `return [...document.querySelectorAll('.grid .row[data-task]')].map((r) => [r.querySelector('[data-col="number"]').textContent.trim(), r.querySelector('.title').textContent.replace('◆', '').trim()]);`);
        const waitedFor = titles.find(([n]) => Number(n) === firstWaitedFor)?.[1];
        assert.ok(waitedFor, `task ${firstWaitedFor} is drawn`);
        await typeIntoCell(session, waitedFor, 'after', String(number));
        const problem = await session.waitFind('[data-testid="grid-problem"]');
        assert.match(await problem.text(), /loop/, 'a task cannot wait for what waits for it');
        await (await session.find('.grid .editor')).type(Keys.ESCAPE);
      });

      await app.step(`copy cells to the clipboard as tab-separated text (${theme})`, async () => {
        await (await cellElement(session, RENAMED, 'title')).click();
        await (await grid()).type(`${Keys.SHIFT}${Keys.ARROW_DOWN}${Keys.ARROW_RIGHT}${Keys.ARROW_RIGHT}${Keys.NULL}`);
        await session.waitForText('[data-testid="grid-selection"]', '2 rows selected');
        await (await grid()).type(`${Keys.CONTROL}c${Keys.NULL}`);
        const copied = await readClipboard(session);
        const lines = copied.split('\n').map((line) => line.split('\t'));
        assert.equal(lines.length, 2, `two rows: ${JSON.stringify(copied)}`);
        assert.equal(lines[0][0], RENAMED);
        assert.equal(lines[0].length, 3, 'title, phase and owner');
      });

      await app.step(`paste owners, starts and statuses from a spreadsheet (${theme})`, async () => {
        const titles = await session.execute(TITLES);
        const next = titles[titles.indexOf(RENAMED) + 1];
        await copyToClipboard(session, 'Marcus Bell\t1/4/2027\r\nPriya Nair\t1/5/2027\r\n');
        await (await cellElement(session, RENAMED, 'owner')).click();
        await (await grid()).type(`${Keys.CONTROL}v${Keys.NULL}`);
        await waitFor('the pasted owners and starts', async () =>
          (await cellOf(session, RENAMED, 'owner')) === 'Marcus Bell' && (await cellOf(session, next, 'start')) === 'Jan 5, 2027');
        assert.equal(await cellOf(session, RENAMED, 'start'), 'Jan 4, 2027');
        assert.equal(await cellOf(session, next, 'owner'), 'Priya Nair');
        await copyToClipboard(session, 'Blocked\nDone');
        await (await cellElement(session, RENAMED, 'status')).click();
        await (await grid()).type(`${Keys.CONTROL}v${Keys.NULL}`);
        await waitFor('the pasted statuses', async () =>
          (await cellOf(session, RENAMED, 'status')) === 'Blocked' && (await cellOf(session, next, 'status')) === 'Done');
        assert.equal(await cellOf(session, next, 'percent'), '100%', 'done is 100 %');
        assert.equal(await cellOf(session, RENAMED, 'percent'), '40%', 'blocked keeps how far along it was');
      });

      await app.step(`fill an owner down three rows with Ctrl+D (${theme})`, async () => {
        await (await cellElement(session, RENAMED, 'owner')).click();
        await (await grid()).type(`${Keys.SHIFT}${Keys.ARROW_DOWN}${Keys.ARROW_DOWN}${Keys.NULL}`);
        await (await grid()).type(`${Keys.CONTROL}d${Keys.NULL}`);
        const titles = await session.execute(TITLES);
        const [second, third] = titles.slice(titles.indexOf(RENAMED) + 1, titles.indexOf(RENAMED) + 3);
        await waitFor('the owner filled down', async () =>
          (await cellOf(session, second, 'owner')) === 'Marcus Bell' && (await cellOf(session, third, 'owner')) === 'Marcus Bell');
      });

      await app.step(`outdent and indent a row (${theme})`, async () => {
        const phase = await cellOf(session, PROFICIENCY, 'phase');
        assert.ok(phase && phase !== '—', `the task is under a phase: ${phase}`);
        await (await cellElement(session, PROFICIENCY, 'title')).click();
        await (await grid()).type(`${Keys.ALT}${Keys.SHIFT}${Keys.ARROW_LEFT}${Keys.NULL}`);
        await waitFor('the task out of its phase', async () => (await cellOf(session, PROFICIENCY, 'phase')) === '—');
        await session.waitForText('[data-testid="grid-selection"]', 'Row 20');
        // The selection followed the task to the end of the plan: indent it back from there.
        await (await grid()).type(`${Keys.ALT}${Keys.SHIFT}${Keys.ARROW_RIGHT}${Keys.NULL}`);
        await waitFor('the task under the phase above', async () => (await cellOf(session, PROFICIENCY, 'phase')) !== '—');
      });

      let beforeBulk = [];
      await app.step(`change three rows at once (${theme})`, async () => {
        const shown = await session.execute(TITLES);
        beforeBulk = [];
        for (const title of shown.slice(shown.indexOf(RENAMED), shown.indexOf(RENAMED) + 3)) {
          beforeBulk.push([title, await cellOf(session, title, 'status')]);
        }
        await (await cellElement(session, RENAMED, 'title')).click();
        await (await grid()).type(`${Keys.SHIFT}${Keys.ARROW_DOWN}${Keys.ARROW_DOWN}${Keys.NULL}`);
        await (await session.waitForText('button', 'Change 3 tasks…')).click();
        await session.execute(
          `const s = document.getElementById('bulk-status'); s.value = 'blocked'; s.dispatchEvent(new Event('change', { bubbles: true }));`);
        await (await session.waitForText('dialog button[type="submit"]', 'Change 3 tasks')).click();
        await session.waitForText('.toast', 'Changed 3 tasks');
        const titles = await session.execute(TITLES);
        for (const title of titles.slice(titles.indexOf(RENAMED), titles.indexOf(RENAMED) + 3)) {
          assert.equal(await cellOf(session, title, 'status'), 'Blocked', `${title} is blocked`);
        }
      });

      await app.step(`Ctrl+Z undoes the change of three rows, Ctrl+Shift+Z redoes it (${theme})`, async () => {
        await session.waitForText('button', 'Undo');
        await (await session.find('.grid')).type(`${Keys.CONTROL}z${Keys.NULL}`);
        await waitFor('the three rows as they were', async () => {
          for (const [title, status] of beforeBulk) if ((await cellOf(session, title, 'status')) !== status) return false;
          return true;
        });
        await (await session.find('.grid')).type(`${Keys.CONTROL}${Keys.SHIFT}z${Keys.NULL}`);
        await waitFor('the three rows blocked again', async () => {
          for (const [title] of beforeBulk) if ((await cellOf(session, title, 'status')) !== 'Blocked') return false;
          return true;
        });
      });

      await app.step(`hide and widen columns; the choice is kept (${theme})`, async () => {
        await (await session.waitForText('.columns button', 'Columns')).click();
        const phaseBox = await session.waitForText('.menu label', 'Phase');
        await phaseBox.click();
        await (await session.find('.columns button')).click();
        const owner = await session.waitFind('[role="separator"][aria-label="Width of Owner"]');
        const before = Number(await owner.property('ariaValueNow') ?? 150);
        await owner.type(`${Keys.ARROW_RIGHT}${Keys.ARROW_RIGHT}`);
        await (await session.waitForText('.tabs a', 'Overview')).click();
        await (await session.waitForText('.tabs a', 'Plan')).click();
        await session.waitFind('.grid .row[data-task]');
        const headers = await session.execute(`return [...document.querySelectorAll('.grid [role="columnheader"]')].map((h) => h.textContent.trim());`);
        assert.ok(!headers.includes('Phase'), `Phase stays hidden: ${headers}`);
        const width = await session.execute(`return document.querySelector('[aria-label="Width of Owner"]').getAttribute('aria-valuenow');`);
        assert.equal(Number(width), (Number.isFinite(before) ? before : 150) + 32, 'the wider Owner column is kept');
      });

      await app.step(`a task moved to the trash waits in the Trash, named with its rollout, and comes back (${theme})`, async () => {
        await cellElement(session, PROFICIENCY, 'title');
        await session.execute(
          `const row = [...document.querySelectorAll('.grid .row[data-task]')].find((r) => r.textContent.includes(arguments[0]));
           row.querySelector('button.open-task').click();`, [PROFICIENCY]);
        await (await session.waitForText('dialog button', 'Move to trash')).click();
        await session.waitForText('.toast', 'Removed');
        await waitFor('the row to go', async () => !(await session.execute(TITLES)).includes(PROFICIENCY));
        await (await session.waitForText('.sidebar a', 'Trash')).click();
        const line = await session.waitForText('.list li', PROFICIENCY);
        assert.match(await line.property('textContent'), /Task in “EHR[^”]*”/, 'named with its rollout');
        await session.execute(
          `const li = [...document.querySelectorAll('.list li')].find((l) => l.textContent.includes(arguments[0]));
           [...li.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Restore').click();`, [PROFICIENCY]);
        await waitFor('the task to leave the Trash', async () =>
          !(await session.execute(`return document.querySelector('.list')?.textContent ?? '';`)).includes(PROFICIENCY));
        await (await session.waitForText('.sidebar a', 'EHR')).click();
        await (await session.waitForText('.tabs a', 'Plan')).click();
        await waitFor('the task back in the plan', async () => (await session.execute(TITLES)).includes(PROFICIENCY));
      });

      await app.step(`the grid fits at both sizes (${theme})`, async () => {
        for (const [width, height] of [[1280, 720], [1920, 1080]]) {
          await resizePage(session, width, height);
          await painted(session);
          await photograph(session, join(shots, `plan-grid-${width}x${height}-${theme}.png`));
          const problems = await session.execute(LAYOUT_PROBLEMS);
          assert.deepEqual(problems, [], `the plan grid fits a ${width}×${height} window`);
        }
      });
    });
  });
}
