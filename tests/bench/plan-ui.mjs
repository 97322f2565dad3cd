// Benchmark, not a test: a 2,000-task plan in the real app. Imports a generated vendor
// plan through the CLI, then times (in the window itself) opening the plan tab and the
// first render of the timeline. Prints medians; asserts nothing.
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
const driver = await startDriver({ port: 4466, env: { ROLLPLAN_DB: database }, application });
const session = await Session.start(driver.base, application);
const timeInWindow = (script) => session.call('POST', '/execute/async', { script, args: [] });

// Waits (in the page) for `ready()` and two frames after it, so the time includes the paint.
const settle = `
  const done = arguments[arguments.length - 1];
  const t0 = performance.now();
  const wait = () => ready() ? requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)))
                             : requestAnimationFrame(wait);`;

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
          && document.querySelectorAll('.tasks tbody tr').length > 0;
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
  }
  console.log(`plan of ${TASKS} tasks in ${PHASES} phases (${dir})`);
  console.log(`  import through rollplan-cli:        ${importMs.toFixed(0)} ms (whole process)`);
  console.log(`  open the plan tab (load + list):    median ${median(open).toFixed(0)} ms over ${RUNS} runs`);
  console.log(`  first render of the timeline:       median ${median(timeline).toFixed(0)} ms over ${RUNS} runs`);
} finally {
  await session.quit().catch(() => {});
  await driver.stop();
}
