// Benchmark, not a test: what a person waits for in the real window, on the large and
// the extra-large workspace. For each workspace named on the command line
// (`node tests/bench/window.mjs large=/path/large.db xl=/path/xl.db`) the release app is
// started on a copy of it and each interaction below is timed in the page, REPS times,
// from the click or key to the next frame painted once its result is shown: every
// command the screen asked for has answered, the screen shows what it is waiting for,
// and the browser has painted the frame after. Prints the median and 95th percentile
// of each, the workspaces side by side, against the budget (50 ms at the median, 100 at
// p95); asserts nothing. Run through scripts/bench-ui.sh, which builds the app, the
// workspaces and provides a display.
//
// The interactions are those of the issue that asked for them: opening Home; opening
// the largest rollout and each of its tabs; opening its plan (2,000 tasks on the large
// workspace, 5,000 on the extra-large) and scrolling it to the end; one character typed
// into a task's title and saved; a status changed in the row; the training matrix of
// every rollout; a keystroke in Search everything to its results; a frame while a
// Gantt bar is dragged. Each is timed once the app is at rest after starting (see
// `untilAtRest`); how long that took is printed too. The Status tab is timed twice: as
// the tabs are (its draft is kept while nothing is written), and right after a write,
// when the week is drafted afresh.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDriver } from '../e2e/driver.mjs';
import { Session } from '../e2e/webdriver.mjs';

const application = process.env.ROLLPLAN_APP;
const cli = process.env.ROLLPLAN_CLI;
/** Repetitions of each interaction. */
const REPS = Number(process.env.ROLLPLAN_BENCH_REPS ?? 20);
const PORT = Number(process.env.ROLLPLAN_BENCH_PORT ?? 4466);
/** Only the interactions whose names match this pattern (case-insensitive), if set: a
 *  screen being worked on is timed without waiting for all the others. */
const ONLY = process.env.ROLLPLAN_BENCH_ONLY ? new RegExp(process.env.ROLLPLAN_BENCH_ONLY, 'i') : null;
const wanted = (what) => ONLY === null || ONLY.test(what);
const LARGEST_ROLLOUT = 'Enterprise EHR go-live: all sites';
const TABS = ['plan', 'readiness', 'metrics', 'risks', 'decisions', 'comms', 'stakeholders', 'scope', 'status', 'debriefs'];

const workspaces = process.argv.slice(2).map((argument) => {
  const [label, path] = argument.split('=');
  if (!label || !path) throw new Error(`expected LABEL=DATABASE, got ${argument}`);
  return { label, path };
});
if (workspaces.length === 0) {
  console.error('usage: node tests/bench/window.mjs large=PATH [xl=PATH]');
  process.exit(2);
}

const sorted = (values) => [...values].sort((a, b) => a - b);
const median = (values) => sorted(values)[Math.floor(values.length / 2)];
const p95 = (values) => sorted(values)[Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)];

// Installed in the page once: `measure(act, ready, settle)` runs `act` and answers with
// the milliseconds from just before it to the frame painted after, once no command is in
// flight (the app's own tally, `window.rollplanCommands`) — seen on two checks a task
// apart, so a load that starts another is waited for too — `ready(calls)` holds (`calls`:
// the commands sent since `act`), and the next frame has been painted (a task queued from
// a frame's callback runs after that frame's paint). Without `settle`, only `ready` and
// the frame after count: for a screen that shows its first part and reads the rest
// after it is painted.
const INSTALL = `
  if (!window.__bench) {
    const tally = () => window.rollplanCommands;
    const measure = (act, ready, settle) => new Promise((done) => {
      const sentBefore = tally().sent;
      const t0 = performance.now();
      act();
      let quiet = false;
      const check = () => {
        const { sent, answered } = tally();
        if (performance.now() - t0 > 20000) {
          return done({ stuck: { sent, answered, ready: ready(sent - sentBefore), hash: location.hash, errors: window.__errors } });
        }
        if ((sent === answered || !settle) && ready(sent - sentBefore)) {
          if (!quiet && settle) { quiet = true; return setTimeout(check, 0); }
          return requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
        }
        quiet = false;
        setTimeout(check, 1);
      };
      check();
    });
    window.__bench = { measure };
  }`;

/** Until every command the screen sent has answered: an interaction is timed from a
 *  screen at rest, not while the one before is still reading (Settings scans the whole
 *  file for broken links, a second on the extra-large workspace). */
const quiet = `await new Promise((resolve) => {
    let calm = 0;
    const poll = () => {
      const { sent, answered } = window.rollplanCommands;
      calm = sent === answered ? calm + 1 : 0;
      if (calm === 2) resolve(); else setTimeout(poll, 5);
    };
    poll();
  });`;
/** Runs one measurement in the page, once the screen is quiet: `act` and `ready` are
 *  function bodies. */
async function measure(session, { before = '', act, ready, settle = true }) {
  const ms = await session.call('POST', '/execute/async', {
    script: `
      const done = arguments[arguments.length - 1];
      ${INSTALL}
      (async () => { ${before}; ${quiet} })().then(() =>
        window.__bench.measure(() => { ${act} }, (calls) => { ${ready} }, ${settle})).then(done);`,
    args: [],
  });
  if (typeof ms !== 'number') throw new Error(`the screen never settled: ${JSON.stringify(ms)}\nact: ${act}\nready: ${ready}`);
  return ms;
}

/** The plan tab once its whole plan is read (its first rows are drawn before). */
const PLAN_READ = '.plan[aria-busy="false"] .grid .row[data-task]';
const go = (hash) => `location.hash = ${JSON.stringify(hash)};`;
const shown = (css) => `document.querySelector(${JSON.stringify(css)}) !== null`;
/** A rollout's tab clicked, and shown (once it has asked for something). */
const clickTab = (tab) => `document.querySelector('nav.tabs a[href$="/${tab}"]').click();`;
const tabShown = (tab) =>
  `return document.querySelector('nav.tabs a[aria-current="page"]')?.getAttribute('href')?.endsWith('/${tab}') && calls > 0;`;
/** Until the page shows `css`, in a test's `before`. */
const until = (condition) =>
  `await new Promise((resolve) => { const poll = () => (${condition}) ? resolve() : setTimeout(poll, 5); poll(); });`;
/** The plan's List or Timeline button clicked. */
const switchTo = (view) => `[...document.querySelectorAll('.plan button')].find((b) => b.textContent.trim() === '${view}').click();`;

/** A Gantt bar dragged with the real mouse: each pointer move to the next painted frame,
 *  measured in the page from the event's own time stamp, on the plan's timeline. */
async function timeGanttDrag(session) {
  await session.execute(switchTo('Timeline'));
  await session.waitFind('[data-testid="timeline"] g.task rect.bar');
  // A bar of some width, scrolled to the middle of the window, so that the pointer
  // stays on the page as it moves.
  await session.execute(`
    const bars = [...document.querySelectorAll('[data-testid="timeline"] g.task rect.bar')]
      .filter((bar) => bar.getBoundingClientRect().width > 12);
    const bar = bars[Math.min(10, bars.length - 1)];
    bar.scrollIntoView({ block: 'center', inline: 'center' });
    bar.setAttribute('data-dragged', '');`);
  const bar = await session.waitFind('[data-testid="timeline"] rect.bar[data-dragged]');
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
  return session.execute('return window.dragFrames;');
}

/** Processor time (in clock ticks) the process `pid` has used so far. */
function cpuTicks(pid) {
  // After the command's name in parentheses: state, then 10 fields, then utime, stime.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** Waits until the app has done what it does once after starting — the database's
 *  check and its daily backup, the scan for broken links — which reads the whole file
 *  in the background (seconds on the extra-large workspace): the interactions are timed
 *  on an app at rest, as a person meets it after the first minute. Returns how long
 *  that took, in ms. */
async function untilAtRest(application) {
  const command = `^${application.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`;
  const pid = execFileSync('pgrep', ['-n', '-f', command], { encoding: 'utf8' }).trim();
  const started = Date.now();
  let before = cpuTicks(pid);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = cpuTicks(pid);
    // Under 3 % of one core over the last second, or two minutes at most.
    if (now - before < 3 || Date.now() - started > 120000) return Date.now() - started;
    before = now;
  }
}

async function benchWorkspace({ label, path }) {
  const dir = mkdtempSync(join(tmpdir(), `rollplan-window-${label}-`));
  const database = join(dir, 'workspace.db');
  copyFileSync(path, database);
  const rollouts = JSON.parse(execFileSync(cli, ['--db', database, 'rollouts', 'list', '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 }));
  const largest = rollouts.find((r) => r.name === LARGEST_ROLLOUT);
  if (!largest) throw new Error(`${label}: no rollout named ${LARGEST_ROLLOUT}`);
  const rollout = `#/rollouts/${largest.id}`;

  const driver = await startDriver({ port: PORT, env: { ROLLPLAN_DB: database }, application });
  const session = await Session.start(driver.base, application);
  const figures = new Map();
  const time = async (what, step) => {
    if (!wanted(what)) return;
    const values = [];
    for (let i = 0; i < REPS; i++) values.push(await step(i));
    figures.set(what, values);
    process.stderr.write(`  ${label}: ${what}: median ${median(values).toFixed(0)} ms\n`);
  };
  try {
    await session.waitFind('.sidebar');
    await session.call('POST', '/window/rect', { width: 1440, height: 900 });
    // What the page throws is reported with a screen that never settles.
    await session.execute(`window.__errors = [];
      addEventListener('error', (e) => __errors.push(String(e.error?.stack ?? e.message)));
      addEventListener('unhandledrejection', (e) => __errors.push(String(e.reason?.stack ?? e.reason)));`);
    const tasks = await session.execute(`return window.__TAURI_INTERNALS__.invoke('plan_view', { rolloutId: ${JSON.stringify(largest.id)} }).then((p) => p.tasks.length);`);
    process.stderr.write(`  ${label}: at rest ${(await untilAtRest(application)) / 1000} s after the first screen\n`);

    await time('open Home', () =>
      measure(session, {
        before: `${go('#/settings')} ${until(`document.querySelector('.page h1')?.textContent === 'Settings'`)}`,
        act: `document.querySelector('.sidebar a[href="#/"]').click();`,
        ready: `return ${shown('.page .tiles')} && calls > 0;`,
      }));
    await time('open the largest rollout', () =>
      measure(session, {
        before: `${go('#/')} ${until(shown('.page .tiles'))}`,
        act: go(rollout),
        ready: `return ${shown('[data-testid="rollout-dashboard"]')} && calls > 0;`,
      }));
    // Each tab from the overview, as a person goes from one to the next. The plan opens
    // as its list (the grid); it remembers the timeline otherwise.
    await session.execute(go(`${rollout}/plan`));
    await session.waitFind('.plan[aria-busy="false"]', 60000);
    await session.execute(switchTo('List'));
    for (const tab of TABS) {
      await time(`tab: ${tab}`, () =>
        measure(session, {
          before: `${go(rollout)} ${until(shown('[data-testid="rollout-dashboard"]'))}`,
          act: clickTab(tab),
          // The plan's list is drawn from its first rows, and the rest is read once
          // they are painted: the first frame with rows is what the person sees, and
          // is timed here without waiting for the rest; the whole plan is timed below.
          ready: tab === 'plan'
            ? `return ${shown('.grid .row[data-task]')} && calls > 0;`
            : tabShown(tab),
          settle: tab !== 'plan',
        }));
    }
    // The weekly status is kept while nothing is written (the loop above opens it again
    // and again): here each opening follows a write elsewhere (someone added to the
    // directory), so the week is drafted afresh.
    await time('tab: status, drafted afresh after an edit', (i) =>
      measure(session, {
        before: `${go(rollout)} ${until(shown('[data-testid="rollout-dashboard"]'))}
                 await window.__TAURI_INTERNALS__.invoke('create_person', { draft: { name: 'Bench visitor ${i}' } });`,
        act: clickTab('status'),
        ready: tabShown('status'),
      }));
    await time('tab: plan, the whole plan read (its summary and critical path shown)', () =>
      measure(session, {
        before: `${go(rollout)} ${until(shown('[data-testid="rollout-dashboard"]'))}`,
        act: clickTab('plan'),
        ready: `return ${shown(PLAN_READ)} && (document.querySelector('[data-testid="plan-summary"]')?.textContent ?? '').includes('${tasks} tasks');`,
      }));

    // The plan: scrolled from the top to its last row; then a title and a status edited.
    await session.execute(go(`${rollout}/plan`));
    await session.waitFind(PLAN_READ);
    await time('plan scrolled to the end', () =>
      measure(session, {
        before: `const scroller = document.querySelector('.plan .scroller'); scroller.scrollTop = 0;
                 await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));`,
        act: `const scroller = document.querySelector('.plan .scroller'); scroller.scrollTop = scroller.scrollHeight;`,
        ready: `const rows = document.querySelectorAll('.grid .row[data-task]');
                const last = rows[rows.length - 1];
                const scroller = document.querySelector('.plan .scroller');
                return last && last.getBoundingClientRect().bottom <= scroller.getBoundingClientRect().bottom + 1
                  && scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;`,
      }));
    await session.execute(`document.querySelector('.plan .scroller').scrollTop = 0;`);
    // One character added to the first task's title, Enter to the row painted with it
    // saved (the grid saves on Enter, and shows the title once the save has answered).
    await time('task title: a character typed, Enter to saved', (i) =>
      measure(session, {
        before: `const row = document.querySelector('.grid .row[data-task]');
                 row.querySelector('[data-col="title"]').dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
                 document.querySelector('.grid').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
                 ${until(shown('.grid input.editor'))}
                 const editor = document.querySelector('.grid input.editor');
                 window.__title = editor.value.replace(/ [a-z]$/, '') + ' ' + 'abcdefghijklmnopqrst'[${i} % 20];
                 editor.value = window.__title;
                 editor.dispatchEvent(new Event('input', { bubbles: true }));`,
        act: `document.querySelector('.grid input.editor').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));`,
        ready: `return calls > 0 && document.querySelector('.grid .row[data-task] [data-col="title"]')?.textContent.includes(window.__title)
                  && !document.querySelector('.grid input.editor');`,
        // To the frame that shows the title saved: what the edit changes elsewhere in
        // the plan (the critical path, what slipped) is read after that frame.
        settle: false,
      }));
    await time('status changed in the row', (i) =>
      measure(session, {
        before: `const row = document.querySelector('.grid .row[data-task]');
                 row.querySelector('[data-col="status"]').dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
                 document.querySelector('.grid').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
                 ${until(shown('.grid select.editor'))}
                 const editor = document.querySelector('.grid select.editor');
                 editor.value = editor.value === 'Doing' ? 'To do' : 'Doing';
                 window.__status = editor.value;
                 editor.dispatchEvent(new Event('change', { bubbles: true }));`,
        act: `document.querySelector('.grid select.editor').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));`,
        ready: `return calls > 0 && document.querySelector('.grid .row[data-task] [data-col="status"]')?.textContent.trim() === window.__status;`,
        settle: false,
      }));

    await time('plan: the timeline drawn', () =>
      measure(session, {
        before: `${switchTo('List')} ${until(shown('.grid .row[data-task]'))}`,
        act: switchTo('Timeline'),
        ready: `return ${shown('[data-testid="timeline"] [data-task-id]')};`,
      }));

    if (wanted('Gantt drag: pointer move to frame')) figures.set('Gantt drag: pointer move to frame', await timeGanttDrag(session));
    // The plan back on its list for the next run.
    await session.execute(switchTo('List'));

    await time('training matrix of every rollout', () =>
      measure(session, {
        before: `${go('#/')} ${until(shown('.page .tiles'))}`,
        act: `document.querySelector('.sidebar a[href="#/training"]').click();`,
        ready: `return calls > 0 && ${shown('[data-testid="training-trained"]')};`,
      }));

    // The two lists that grow with the workspace: the staff directory and the SOP library.
    await time('open People', () =>
      measure(session, {
        before: `${go('#/')} ${until(shown('.page .tiles'))}`,
        act: `document.querySelector('.sidebar a[href="#/people"]').click();`,
        ready: `return calls > 0 && ${shown('.page table tbody tr')};`,
      }));
    await time('open the SOP library', () =>
      measure(session, {
        before: `${go('#/')} ${until(shown('.page .tiles'))}`,
        act: `document.querySelector('.sidebar a[href="#/sops"]').click();`,
        ready: `return calls > 0 && ${shown('.page [data-sop-id], .page tbody tr')};`,
      }));

    // Search everything: the last letter of a word typed, to its results painted.
    const words = ['patient', 'referral', 'insurance', 'schedule', 'checklist'];
    await session.execute(`document.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, bubbles: true }));`);
    await session.waitFind('input[aria-label="Search everything"]');
    await time('search keystroke to results', (i) => {
      const word = words[i % words.length];
      return measure(session, {
        before: `const input = document.querySelector('input[aria-label="Search everything"]');
                 input.value = '${word.slice(0, -1)}';
                 input.dispatchEvent(new Event('input', { bubbles: true }));
                 await new Promise((resolve) => setTimeout(resolve, 300));`,
        act: `const input = document.querySelector('input[aria-label="Search everything"]');
              input.value = '${word}';
              input.dispatchEvent(new Event('input', { bubbles: true }));`,
        ready: `return calls > 0 && ${shown('#search-hits [role="option"]')};`,
      });
    });
    return { label, tasks, figures };
  } finally {
    await session.quit().catch(() => {});
    await driver.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const results = [];
for (const workspace of workspaces) results.push(await benchWorkspace(workspace));

// The table: one line an interaction, each workspace's median and p95, then the budget.
const budget = (values) => (median(values) < 50 && p95(values) < 100 ? '✓' : '✗');
const cell = (values) => (values ? `${median(values).toFixed(0).padStart(5)} ${p95(values).toFixed(0).padStart(5)}` : '    —     —');
const names = [...new Set(results.flatMap((r) => [...r.figures.keys()]))];
const width = Math.max(...names.map((n) => n.length)) + 2;
console.log(`Latency in the real window, ms from the click or key to the next painted frame (${REPS} repetitions; median, p95)`);
console.log(`${'interaction'.padEnd(width)}${results.map((r) => `${r.label} (${r.tasks.toLocaleString('en-US')}-task plan)`.padEnd(26)).join('')}budget: 50 / 100 ms`);
for (const name of names) {
  const line = results.map((r) => {
    const values = r.figures.get(name);
    return `${cell(values)} ${values ? budget(values) : ' '}`.padEnd(26);
  });
  console.log(`${name.padEnd(width)}${line.join('')}`);
}
