// End to end: the plan's dates doing what a manager means — a template on a short
// runway, moving go-live (whole tasks, then Undo), and a late task moving what waits
// for it.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cellOf, typeIntoCell } from './grid.mjs';
import { useApp } from './harness.mjs';
import { Keys, waitFor } from './webdriver.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'rollplan-e2e-dates-'));
const database = join(workDir, 'rollplan.db');

/** `days` after today (local, as the app counts), as YYYY-MM-DD. */
function isoIn(days, from = new Date()) {
  const day = new Date(from.getFullYear(), from.getMonth(), from.getDate() + days);
  const pad = (n) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** `iso` moved by `days`. */
function shifted(iso, days) {
  const [y, m, d] = iso.split('-').map(Number);
  return isoIn(days, new Date(y, m - 1, d));
}

/** How the app writes a day ("Feb 3, 2027"). */
function shown(iso) {
  return new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${iso}T00:00:00Z`));
}

const INTERFACES = 'Build interfaces (lab, imaging, clearinghouse, HIE)';
const LIVE_TEST = 'Live-test interfaces';

/** `2027-02-14` as a person in the US types it: `2/14/2027`. */
function usDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return `${m}/${d}/${y}`;
}

/** A date field's text ("Feb 14, 2027") back as `2027-02-14`; '' for none. */
function isoOfShown(text) {
  if (!text) return '';
  const day = new Date(`${text} 00:00 UTC`);
  return Number.isNaN(day.getTime()) ? text : day.toISOString().slice(0, 10);
}

describe('Plan dates', { concurrency: false }, () => {
  const app = useApp({ ROLLPLAN_DB: database }, workDir);
  const goLive = isoIn(70);

  it('asks how an EHR template fits ten weeks out, compresses it, then moves what waits for a late task', async () => {
    const session = await app.launch();
    const setValue = (css, value, event = 'input') =>
      session.execute(
        `const el = document.querySelector(arguments[0]); el.value = arguments[1];
         el.dispatchEvent(new Event(arguments[2], { bubbles: true }));`,
        [css, value, event],
      );
    // Dates are typed as people write them (month/day/year), then Tab leaves the field.
    const typeDate = async (css, iso) => {
      const field = await session.find(css);
      await field.erase();
      await field.type(`${usDate(iso)}${Keys.TAB}`);
    };
    const text = (css) => session.execute(`return document.querySelector(arguments[0])?.textContent ?? '';`, [css]);
    const dueOf = async (title) => isoOfShown(await cellOf(session, title, 'due'));

    await app.step('the runway question', async () => {
      await (await session.waitFind('.sidebar button[aria-label="New rollout"]')).click();
      await (await session.waitFind('#new-name')).type('Riverside EHR');
      await session.waitForText('#new-template option', 'EHR');
      await setValue('#new-template', 'ehr-go-live', 'change');
      await typeDate('#new-go-live', goLive);
      const question = await session.waitFind('[data-testid="runway-question"]');
      const said = await question.text();
      assert.match(said, /plans 120 days before go-live; 70 are left/, `the question says how short the runway is: ${said}`);
      assert.match(said, /Critical path \d+ days, 70 days left/, said);
      assert.match(said, /\d+ tasks would already be overdue/, said);
      assert.match(said, /1 message a month late/, said);
      assert.equal(
        await session.execute(`return document.querySelector('dialog button[type="submit"]').disabled;`),
        true,
        'nothing is created before the person chooses',
      );
      await (await session.find('input[name="fit"][value="compress"]')).click();
      await (await session.find('dialog button[type="submit"]')).click();
      await (await session.waitForText('.tabs a', 'Plan')).click();
    });

    await app.step('compressed: nothing overdue', async () => {
      const summary = await session.waitForText('[data-testid="plan-summary"]', 'tasks and milestones');
      const line = await summary.text();
      assert.doesNotMatch(line, /slipped/, `a compressed plan has nothing slipped or overdue: ${line}`);
      const days = Number(/over (\d+) days/.exec(line)?.[1]);
      assert.ok(days <= 70, `the critical path (${days} days) fits the 70 days left`);
      assert.equal(await session.execute(`return document.querySelectorAll('.grid .row.late').length;`), 0);
      assert.equal(
        await session.execute(`return document.querySelector('select[aria-label="When a task\\'s dates change"]').value;`),
        'move',
        'a new rollout moves what waits for a task',
      );
    });

    await app.step('a late task moves what waits for it', async () => {
      const before = await dueOf(LIVE_TEST);
      const late = shifted(before, 3);
      await typeIntoCell(session, INTERFACES, 'due', usDate(late));
      const confirm = await session.waitFind('[data-testid="schedule-confirm"]');
      assert.match(await confirm.text(), new RegExp(LIVE_TEST), 'the waiting task is listed before anything moves');
      await (await session.waitForText('[data-testid="schedule-confirm"] button', 'too')).click();
      await waitFor('the waiting task to move', async () => (await dueOf(LIVE_TEST)) > before);
      const moved = await dueOf(LIVE_TEST);
      assert.ok(moved >= late, `${LIVE_TEST} is now due ${moved}, after its predecessor (${late})`);
      await session.waitForText('.toast', 'waiting for');
      await (await session.waitForText('.toast .action', 'Undo')).click();
      await waitFor('the waiting task to return', async () => (await dueOf(LIVE_TEST)) === before);
      assert.equal(await dueOf(INTERFACES), late, 'Undo takes back the moves, not the edit');
      assert.match(await text('[data-testid="plan-summary"]'), /slipped/, 'without the moves, the late task is flagged');
    });
  });

  it('keeps the template dates, moves go-live with whole tasks and undoes it', async () => {
    const session = await app.launch();
    const setValue = (css, value, event = 'input') =>
      session.execute(
        `const el = document.querySelector(arguments[0]); el.value = arguments[1];
         el.dispatchEvent(new Event(arguments[2], { bubbles: true }));`,
        [css, value, event],
      );
    // Dates are typed as people write them (month/day/year), then Tab leaves the field.
    const typeDate = async (css, iso) => {
      const field = await session.find(css);
      await field.erase();
      await field.type(`${usDate(iso)}${Keys.TAB}`);
    };
    const dueOf = async (title) => isoOfShown(await cellOf(session, title, 'due'));
    const startOf = (title) => cellOf(session, title, 'start');
    // Kept as drawn, the interface build started 40 days ago and is due in 20.
    const [start, due] = [shifted(goLive, -110), shifted(goLive, -50)];

    await app.step('keep the template dates', async () => {
      await (await session.waitFind('.sidebar button[aria-label="New rollout"]')).click();
      await (await session.waitFind('#new-name')).type('Eastside EHR');
      await session.waitForText('#new-template option', 'EHR');
      await setValue('#new-template', 'ehr-go-live', 'change');
      await typeDate('#new-go-live', goLive);
      await session.waitFind('[data-testid="runway-question"]');
      await (await session.find('input[name="fit"][value="keep"]')).click();
      await (await session.find('dialog button[type="submit"]')).click();
      await (await session.waitForText('.tabs a', 'Plan')).click();
      await session.waitForText('.open-task', INTERFACES);
      assert.equal(await startOf(INTERFACES), shown(start), 'kept, the build started in the past');
      assert.equal(await dueOf(INTERFACES), due);
    });

    await app.step('move go-live two weeks', async () => {
      await (await session.waitForText('.plan button', 'Move go-live')).click();
      await typeDate('#new-go-live-date', shifted(goLive, 14));
      const preview = await session.waitForText('[data-testid="go-live-preview"]', '14 days later');
      const row = await preview.text();
      assert.ok(
        row.includes(`${shown(start)} → ${shown(shifted(start, 14))}`) && row.includes(`${shown(due)} → ${shown(shifted(due, 14))}`),
        'the preview shows the started task moving start and due together',
      );
      await (await session.waitForText('dialog button[type="submit"]', 'Move go-live and')).click();
      await waitFor('the move', async () => (await dueOf(INTERFACES)) === shifted(due, 14));
      assert.equal(await startOf(INTERFACES), shown(shifted(start, 14)), 'a started task keeps its length');
    });

    await app.step('undo the move', async () => {
      await (await session.waitForText('.toast .action', 'Undo')).click();
      await waitFor('the dates to come back', async () => (await dueOf(INTERFACES)) === due);
      assert.equal(await startOf(INTERFACES), shown(start));
      await (await session.waitForText('.plan button', 'Move go-live')).click();
      await session.waitForText('dialog p', `Now ${shown(goLive)}`);
      await (await session.waitForText('dialog button', 'Cancel')).click();
    });
  });
});
