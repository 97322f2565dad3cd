// Benchmark, not a test: a 2,000-task plan in the real app. Imports a generated vendor
// plan through the CLI, then times in the window itself, each from the click or key to
// the next painted frame: opening the plan tab and the first render of the timeline; a
// cell of the grid typed into and saved (Enter to the new text painted); a status
// changed in the grid; a frame while a Gantt bar is dragged; a keystroke in Search
// everything to its results. Prints medians and 95th percentiles; asserts nothing.
// Run through scripts/bench-ui.sh, which builds the app and provides a display.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDriver } from '../e2e/driver.mjs';
import { Session } from '../e2e/webdriver.mjs';

const application = process.env.ROLLPLAN_APP;
const cli = process.env.ROLLPLAN_CLI;
const TASKS = 2000;
const PHASES = 20;
const RUNS = 7;
/** Repetitions of each interaction (the budget is 50 ms at the median, 100 at p95). */
const REPS = 20;

const dir = mkdtempSync(join(tmpdir(), 'rollplan-bench-'));
const database = join(dir, 'plan.db');
const run = (...args) => execFileSync(cli, ['--db', database, ...args], { encoding: 'utf8' });

const rollout = JSON.parse(run('rollouts', 'create', '--name', 'Large plan', '--go-live', '2027-12-01', '--json'));

// Each phase a chain of tasks, with a cross-link every 7 tasks, like a vendor's plan.
const day = (offset) => new Date(Date.UTC(2026, 11, 1) + offset * 86_400_000).toISOString().slice(0, 10);
const rows = ['Title,Phase,Start,Due,Status,Depends on'];
for (let i = 0; i < TASKS; i++) {
  const phase = Math.floor(i / (TASKS / PHASES));
  const first = i % (TASKS / PHASES) === 0;
  const after = [first ? null : `Task ${i - 1}`, i % 7 === 0 && i >= 20 ? `Task ${i - 20}` : null].filter(Boolean);
  rows.push(`Task ${i},Phase ${phase + 1},${day(i % 300)},${day((i % 300) + 3)},todo,${after.join('; ')}`);
}
const csv = join(dir, 'plan.csv');
writeFileSync(csv, rows.join('\n'));

const importStart = performance.now();
run('import', 'tasks', csv, '--rollout', rollout.id);
const importMs = performance.now() - importStart;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const p95 = (values) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)];
const figure = (values) => `median ${median(values).toFixed(0)} ms, p95 ${p95(values).toFixed(0)} ms over ${values.length}`;
const driver = await startDriver({ port: 4466, env: { ROLLPLAN_DB: database }, application });
const session = await Session.start(driver.base, application);
const timeInWindow = (script) => session.call('POST', '/execute/async', { script, args: [] });

// Waits (in the page) for `ready()`, checked every millisecond, and then for the next
// frame to be painted (a task queued from the frame's callback runs after its paint), so
// the time is the click or key to the frame that shows the result.
const settle = `
  const done = arguments[arguments.length - 1];
  const t0 = performance.now();
  const wait = () => ready() ? requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0))
                             : setTimeout(wait, 1);`;

// The same, from a moment the caller chooses: `paintedAfter(ready, t0)` answers once
// `ready()` holds and the next frame has been painted.
const paintedAfter = `
  const done = arguments[arguments.length - 1];
  const paintedAfter = (ready, t0) => {
    const wait = () => ready() ? requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0))
                               : setTimeout(wait, 1);
    wait();
  };`;

try {
  await session.waitFind('.sidebar');
  const open = [];
  const timeline = [];
  for (let i = 0; i < RUNS; i++) {
    await session.execute(`location.hash = '#/'`);
    await session.waitFind('.page');
    open.push(
      await timeInWindow(`
        const ready = () => (document.querySelector('[data-testid="plan-summary"]')?.textContent ?? '').includes('${TASKS} tasks')
          && document.querySelectorAll('.grid .row[data-task]').length > 0;
        ${settle}
        location.hash = '#/rollouts/${rollout.id}/plan';
        wait();`),
    );
    timeline.push(
      await timeInWindow(`
        const ready = () => document.querySelector('[data-testid="timeline"] [data-task-id]') !== null;
        ${settle}
        [...document.querySelectorAll('.plan button')].find((b) => b.textContent.trim() === 'Timeline').click();
        wait();`),
    );
    // The plan opens as the person left it: back to the list for the next opening.
    await session.execute(`[...document.querySelectorAll('.plan button')].find((b) => b.textContent.trim() === 'List').click();`);
  }
  // The grid: a title typed into and saved, then a status chosen, on the first row.
  await session.execute(`location.hash = '#/rollouts/${rollout.id}/plan'`);
  await session.execute(`[...document.querySelectorAll('.plan button')].find((b) => b.textContent.trim() === 'List').click();`);
  await session.waitFind('.grid .row[data-task]');
  const cellEdit = [];
  const statusChange = [];
  for (let i = 0; i < REPS; i++) {
    const title = `Task 0 edit ${i}`;
    cellEdit.push(await timeInWindow(`
      ${paintedAfter}
      const row = document.querySelector('.grid .row[data-task]');
      row.querySelector('[data-col="title"]').dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
      document.querySelector('.grid').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      const type = () => {
        const editor = document.querySelector('.grid input.editor');
        if (!editor) return requestAnimationFrame(type);
        editor.value = '${title}';
        editor.dispatchEvent(new Event('input', { bubbles: true }));
        const t0 = performance.now();
        editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        paintedAfter(() => document.querySelector('.grid .row[data-task] .title')?.textContent.includes('${title}'), t0);
      };
      type();`));
    const status = i % 2 === 0 ? 'Doing' : 'To do';
    statusChange.push(await timeInWindow(`
      ${paintedAfter}
      const row = document.querySelector('.grid .row[data-task]');
      row.querySelector('[data-col="status"]').dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
      document.querySelector('.grid').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      const choose = () => {
        const editor = document.querySelector('.grid select.editor');
        if (!editor) return requestAnimationFrame(choose);
        editor.value = '${status}';
        editor.dispatchEvent(new Event('change', { bubbles: true }));
        const t0 = performance.now();
        editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        paintedAfter(() => document.querySelector('.grid .row[data-task] [data-col="status"]')?.textContent.trim() === '${status}', t0);
      };
      choose();`));
  }

  // A Gantt bar dragged with the real mouse: each pointer move to the next painted frame,
  // measured in the page from the event's own time stamp.
  await session.execute(`[...document.querySelectorAll('.plan button')].find((b) => b.textContent.trim() === 'Timeline').click();`);
  const bar = await session.waitFind('[data-testid="timeline"] g.task rect.bar');
  await session.execute(`
    window.dragFrames = [];
    document.addEventListener('pointermove', (event) => {
      if (event.buttons === 0) return;
      requestAnimationFrame(() => setTimeout(() => window.dragFrames.push(performance.now() - event.timeStamp), 0));
    }, true);`);
  await session.press(bar);
  for (let i = 0; i < REPS; i++) {
    await session.moveBy(i % 2 === 0 ? 18 : -18);
    await new Promise((resolve) => setTimeout(resolve, 60));
  }
  await session.release();
  const dragFrames = await session.execute('return window.dragFrames;');

  // Search everything: the last letter of a word typed, to its results painted.
  const searchKey = [];
  await session.execute(`document.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, bubbles: true }));`);
  await session.waitFind('input[aria-label="Search everything"]');
  for (let i = 0; i < REPS; i++) {
    const word = `Task ${100 + i}`;
    searchKey.push(await timeInWindow(`
      ${paintedAfter}
      const input = document.querySelector('input[aria-label="Search everything"]');
      input.value = '${word.slice(0, -1)}';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      setTimeout(() => {
        const t0 = performance.now();
        input.value = '${word}';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        paintedAfter(() => [...document.querySelectorAll('#search-hits [role="option"]')].some((o) => o.textContent.includes('${word}')), t0);
      }, 200);`));
  }

  console.log(`plan of ${TASKS} tasks in ${PHASES} phases (${dir})`);
  console.log(`  import through rollplan-cli:        ${importMs.toFixed(0)} ms (whole process)`);
  console.log(`  open the plan tab (load + list):    median ${median(open).toFixed(0)} ms over ${RUNS} runs`);
  console.log(`  first render of the timeline:       median ${median(timeline).toFixed(0)} ms over ${RUNS} runs`);
  console.log(`  grid cell typed, Enter to painted:  ${figure(cellEdit)}`);
  console.log(`  grid status changed, to painted:    ${figure(statusChange)}`);
  console.log(`  Gantt drag, pointer move to frame:  ${figure(dragFrames)}`);
  console.log(`  search keystroke to results:        ${figure(searchKey)}`);
} finally {
  await session.quit().catch(() => {});
  await driver.stop();
}
