// End to end: link types and lags chosen in the task dialog — a start-to-start link
// with a lag and a finish-to-finish link with a lead — drawn on the timeline with their
// type in each arrow's words, and kept when the dialog opens again. A lag that is not a
// whole number is refused on its field.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliBinary, photographSizes, useApp } from './harness.mjs';
import { waitFor } from './webdriver.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'rollplan-e2e-links-'));
const database = join(workDir, 'rollplan.db');

function cli(...args) {
  return execFileSync(cliBinary, ['--db', database, ...args], { encoding: 'utf8' });
}

/** `days` after today, as YYYY-MM-DD. */
function isoIn(days) {
  const now = new Date();
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  const pad = (n) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

const BUILD = 'Build interfaces';
const TEST = 'Test as built';
const TIPS = 'Write tip sheets';

describe('Link types', { concurrency: false }, () => {
  cli('rollouts', 'create', '--name', 'Westside EHR', '--go-live', isoIn(60));
  const plan = join(workDir, 'plan.csv');
  writeFileSync(
    plan,
    'Task,Start,Due,Milestone,Depends on\n' +
      `${BUILD},${isoIn(3)},${isoIn(12)},,\n` +
      `${TEST},${isoIn(5)},${isoIn(15)},,\n` +
      `${TIPS},${isoIn(4)},${isoIn(11)},,\n` +
      `Go-live,${isoIn(60)},${isoIn(60)},Yes,${TEST}\n`,
  );
  cli('import', 'tasks', plan, '--rollout', 'Westside');
  const app = useApp({ ROLLPLAN_DB: database }, workDir);

  it('chooses a start-to-start and a finish-to-finish link, sees them drawn, and finds them kept', async () => {
    const session = await app.launch();
    const value = (css) => session.execute(`return document.querySelector(arguments[0])?.value ?? null;`, [css]);
    const setValue = (css, v, event = 'change') =>
      session.execute(
        `const el = document.querySelector(arguments[0]); el.value = arguments[1];
         el.dispatchEvent(new Event('input', { bubbles: true }));
         el.dispatchEvent(new Event(arguments[2], { bubbles: true }));`,
        [css, v, event],
      );
    const idOf = (title) => session.execute(
      `return [...document.querySelectorAll('#link-new-task option')].find((o) => o.textContent.trim() === arguments[0])?.value ?? null;`,
      [title],
    );
    // The dialog scrolls under its sticky buttons: bring a control to the middle first.
    const press = async (css, text) => {
      const element = await session.waitForText(css, text);
      await session.execute(`arguments[0].scrollIntoView({ block: 'center' });`, [{ 'element-6066-11e4-a52e-4f735466cecf': element.id }]);
      await element.click();
    };
    const openTask = async (title) => {
      await (await session.waitForText('.open-task', title)).click();
      await session.waitForText('dialog h3', 'Waits for');
    };
    const closeDialog = async () => {
      await press('dialog button', 'Cancel');
      await waitFor('the dialog to close', async () => (await session.execute(`return document.querySelector('dialog[open]') === null;`)));
    };
    const addLink = async (title, type, lag) => {
      await setValue('#link-new-task', await idOf(title));
      await setValue('#link-new-type', type);
      await setValue('#link-new-lag', lag, 'input');
      await press('dialog button', 'Add dependency');
      await session.waitFind(`dialog li[data-link-to="${title}"]`);
    };

    await app.step('open the plan', async () => {
      await (await session.waitForText('.sidebar a', 'Westside EHR')).click();
      await (await session.waitForText('.tabs a', 'Plan')).click();
      await session.waitForText('.open-task', TEST);
    });

    await app.step('a lag that is not a whole number is refused on its field', async () => {
      await openTask(TEST);
      await setValue('#link-new-task', await idOf(BUILD));
      await setValue('#link-new-type', 'SS');
      await setValue('#link-new-lag', '1.5', 'input');
      await press('dialog button', 'Add dependency');
      const message = await session.waitForText('#link-new-lag-error', 'whole number');
      assert.match(await message.text(), /whole number of days/, 'the message sits on the lag field');
      assert.equal(await session.execute(`return document.querySelectorAll('dialog li[data-link-to]').length;`), 0,
        'nothing was linked');
    });

    await app.step('Test as built starts 2 days after the build starts', async () => {
      await addLink(BUILD, 'SS', '2');
      assert.equal(await value(`dialog li[data-link-to="${BUILD}"] select`), 'SS');
      assert.equal(await value(`dialog li[data-link-to="${BUILD}"] input`), '2');
      await closeDialog();
    });

    await app.step('the tip sheets finish a day before the build does', async () => {
      await openTask(TIPS);
      await addLink(BUILD, 'FF', '-1');
      await closeDialog();
    });

    await app.step('the timeline draws both, with their type in their words', async () => {
      await (await session.waitForText('.plan button', 'Timeline')).click();
      await session.waitFind('[data-testid="timeline"] path.arrow[data-link-type="SS"]');
      const words = (type) => session.execute(
        `return document.querySelector('[data-testid="timeline"] path.arrow[data-link-type="' + arguments[0] + '"]')?.getAttribute('aria-label') ?? '';`,
        [type],
      );
      assert.equal(await words('SS'), `${TEST} waits for '${BUILD}' (start-to-start, +2 days)`);
      assert.equal(await words('FF'), `${TIPS} waits for '${BUILD}' (finish-to-finish, -1 day)`);
      assert.equal(await words('FS'), `Go-live waits for '${TEST}'`, 'the plain link reads as it always has');
      const lags = await session.execute(
        `return [...document.querySelectorAll('[data-testid="timeline"] text.lag')].map((t) => t.textContent.trim()).sort();`,
      );
      assert.deepEqual(lags, ['+2d', '-1d'], 'each lag is labelled beside its arrow');
      await photographSizes(session, 'timeline-links');
      await (await session.waitForText('.plan button', 'List')).click();
    });

    await app.step('reopened, the dialog shows both links as chosen', async () => {
      await openTask(TEST);
      assert.equal(await value(`dialog li[data-link-to="${BUILD}"] select`), 'SS', 'start-to-start is kept');
      assert.equal(await value(`dialog li[data-link-to="${BUILD}"] input`), '2', 'the lag is kept');
      await photographSizes(session, 'task-links');
      await closeDialog();
      await openTask(TIPS);
      assert.equal(await value(`dialog li[data-link-to="${BUILD}"] select`), 'FF', 'finish-to-finish is kept');
      assert.equal(await value(`dialog li[data-link-to="${BUILD}"] input`), '-1', 'the lead is kept');
      await closeDialog();
    });
  });
});
