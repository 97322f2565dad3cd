// End to end: the weekly status of the sample clinic's SMS rollout — the week picked as
// people write dates, the draft read, saved as a status, a note written above a section
// and an item hidden, marked sent (then it no longer changes), exported as email text
// (the note in, the hidden item out), copied to a new draft; and the status of all
// rollouts reached from Home. And a debrief recorded, its action a task of the plan,
// then edited, trashed and brought back.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliBinary, photographSizes, useApp } from './harness.mjs';
import { Keys, waitFor } from './webdriver.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'rollplan-e2e-status-'));
const database = join(workDir, 'clinic.db');
const exports = mkdtempSync(join(tmpdir(), 'rollplan-e2e-status-out-'));

function cli(...args) {
  return execFileSync(cliBinary, ['--db', database, ...args], { encoding: 'utf8' });
}

/** Today as people write it in the US: 12/6/2026. */
function typedToday() {
  const now = new Date();
  return `${now.getMonth() + 1}/${now.getDate()}/${now.getFullYear()}`;
}

const NOTE = 'The vendor fixes the carrier filter on Tuesday.';

describe('Weekly status', { concurrency: false }, () => {
  cli('demo');
  const app = useApp({ ROLLPLAN_DB: database, ROLLPLAN_TEST_SAVE_DIR: exports }, workDir);

  it('drafts, edits, marks sent and exports a rollout’s status', async () => {
    const session = await app.launch();
    const count = (css) => session.execute(`return document.querySelectorAll(arguments[0]).length;`, [css]);
    const text = (css) => session.execute(`return document.querySelector(arguments[0])?.textContent.trim() ?? null;`, [css]);
    let hiddenKey;
    let hiddenText;

    await app.step('open the Status tab and pick the week as people write it', async () => {
      await (await session.waitForText('.sidebar a', 'SMS appointment')).click();
      await (await session.waitForText('.tabs a', 'Status')).click();
      await session.waitFind('[data-testid="status-week"]');
      const week = await session.waitFind('#status-week');
      await week.erase();
      await week.type(`${typedToday()}${Keys.ENTER}`);
      await session.waitForText('[data-testid="status-week"]', 'Week of');
      assert.ok((await count('.news li')) > 0, 'the week of the sample clinic has news');
      await photographSizes(session, 'weekly-status-draft');
    });

    await app.step('save it, write a note and hide an item', async () => {
      await (await session.waitForText('.status-panel button', 'Save as a status')).click();
      await session.waitForText('[data-testid="status-state"]', 'Draft');
      // The note goes above the last section; the first section's first item is hidden.
      await session.execute(`[...document.querySelectorAll('.news textarea.note')].pop().scrollIntoView({ block: 'center' });`);
      const notes = await session.findAll('.news textarea.note');
      const last = notes[notes.length - 1];
      await last.click();
      await last.type(NOTE);
      // Leaving the note keeps it.
      await (await session.find('#status-title')).click();
      [hiddenKey, hiddenText] = await session.execute(
        `const li = document.querySelector('.news li[data-item]');
         return [li.dataset.item, li.querySelector('.happened').textContent.trim()];`,
      );
      await session.execute(`document.querySelector('.news li[data-item="' + arguments[0] + '"] button.hide').click();`, [hiddenKey]);
      await waitFor('the item to be hidden', async () =>
        (await count(`.news li.hidden-item[data-item="${hiddenKey}"]`)) === 1);
      await waitFor('the note to be kept', async () =>
        (await session.execute(`return [...document.querySelectorAll('.news textarea.note')].some((t) => t.value === arguments[0]);`, [NOTE])));
      await photographSizes(session, 'weekly-status-edit');
    });

    await app.step('mark it sent: it no longer changes', async () => {
      await (await session.waitForText('.status-panel button', 'Mark as sent')).click();
      await session.waitForText('[data-testid="status-state"]', 'Sent on');
      assert.equal(await count('.news textarea.note'), 0, 'a sent status has no note fields');
      assert.equal(await count('.news button.hide'), 0, 'nor hide buttons');
      assert.equal(await count(`.news li[data-item="${hiddenKey}"]`), 0, 'the hidden item is not part of what was sent');
      assert.ok(((await text('.news .note-text')) ?? '').includes(NOTE), 'the note reads above its section');
      assert.ok(!(await text('.status .headline')).includes(hiddenText), 'the headline speaks of what was sent');
      await session.waitForText('.status-panel button', 'Copy to a new draft');
    });

    await app.step('export it as email text', async () => {
      await session.execute(
        `const select = document.querySelector('#status-format'); select.value = 'txt';
         select.dispatchEvent(new Event('change', { bubbles: true }));`,
      );
      await (await session.waitForText('.status-panel button', 'Export…')).click();
      await waitFor('the exported file', async () => readdirSync(exports).some((f) => f.endsWith('.txt')));
      const file = readdirSync(exports).find((f) => f.endsWith('.txt'));
      assert.match(file, /^Weekly status - SMS appointment reminders - \d{4}-\d{2}-\d{2}\.txt$/);
      const email = readFileSync(join(exports, file), 'utf8');
      assert.ok(email.startsWith('Weekly status: SMS appointment reminders'), email);
      assert.ok(email.includes(NOTE), 'the note travels');
      assert.ok(!email.includes(hiddenText), 'the hidden item does not');
      assert.ok(email.split('\n').every((line) => line.length <= 72), 'short lines for an email');
    });

    await app.step('copy it to a new draft', async () => {
      await (await session.waitForText('.status-panel button', 'Copy to a new draft')).click();
      await session.waitForText('[data-testid="status-state"]', 'Draft');
      assert.equal(await count('.saved .chip[data-status-state]'), 2, 'the sent status and its copy are listed');
      assert.ok((await count('.news textarea.note')) > 0, 'the copy can be edited');
    });
  });

  it('records a debrief whose action becomes a task, and refuses an action without an owner', async () => {
    const session = await app.launch();
    const fill = (css, value) =>
      session.execute(
        `const el = document.querySelector(arguments[0]); el.value = arguments[1];
         el.dispatchEvent(new Event('input', { bubbles: true }));`,
        [css, value],
      );
    await app.step('open the Debriefs tab', async () => {
      await (await session.waitForText('.sidebar a', 'SMS appointment')).click();
      await (await session.waitForText('.tabs a', 'Debriefs')).click();
      await (await session.waitForText('.debriefs button', 'Record a debrief')).click();
      await session.waitFind('#debrief-title');
    });
    await app.step('an action without an owner is refused on its field', async () => {
      await fill('#debrief-title', 'Pilot week');
      await fill('.action input[aria-label="Action"]', 'Second reminder 24 h before');
      const due = await session.waitFind('.action .date-field input');
      // The dialog scrolls: bring the action's date out from under its buttons first.
      await session.execute(`document.querySelector('.action .date-field input').scrollIntoView({ block: 'center' });`);
      await due.click();
      await due.type(`+2w${Keys.ENTER}`);
      await (await session.waitForText('dialog button', 'Record')).click();
      await session.waitForText('dialog', 'needs an owner');
    });
    let riskTitle = '';
    await app.step('what broke is linked to one of the rollout\'s risks', async () => {
      riskTitle = await session.execute(
        `const select = document.querySelector('#debrief-broke-links');
         const option = [...select.querySelectorAll('optgroup[label="Risks"] option')][0];
         select.value = option.value;
         select.dispatchEvent(new Event('change', { bubbles: true }));
         return option.textContent;`,
      );
      assert.ok(riskTitle, 'the rollout\'s risks are offered');
      await session.waitForText('dialog .chip', riskTitle);
    });
    await app.step('with an owner it is recorded, its action a task', async () => {
      await fill('.action input[aria-label="Owner"]', 'Priya Nair');
      await (await session.waitForText('dialog button', 'Record')).click();
      await session.waitForText('.debrief h3', 'Pilot week');
      await session.waitForText('.debrief .link', riskTitle);
      await session.waitForText('.debrief li', 'Second reminder 24 h before — Priya Nair');
      await photographSizes(session, 'debriefs');
    });
    await app.step('edited afterwards: its words change and its planned action stays', async () => {
      await (await session.waitForText('.debrief h3 button', 'Pilot week')).click();
      await session.waitFind('#debrief-changed');
      await fill('#debrief-changed', 'Reminders now go 24 h and 2 h before');
      await (await session.waitForText('dialog button', 'Save')).click();
      await session.waitForText('.debrief dd', 'Reminders now go 24 h and 2 h before');
      await session.waitForText('.debrief li', 'Second reminder 24 h before — Priya Nair');
    });
    await app.step('moved to the trash and back with Undo', async () => {
      await (await session.waitForText('.debrief h3 button', 'Pilot week')).click();
      await (await session.waitForText('dialog button', 'Move to trash')).click();
      await session.waitForText('.debriefs p', 'No debriefs yet');
      await (await session.waitForText('.toast button', 'Undo')).click();
      await session.waitForText('.debrief h3', 'Pilot week');
    });
    await app.step('its action is a task of the plan', async () => {
      await (await session.waitForText('.tabs a', 'Plan')).click();
      await session.waitForText('.open-task', 'Second reminder 24 h before');
    });
  });

  it('reaches the status of all rollouts from Home', async () => {
    const session = await app.launch();
    await app.step('open it from Home', async () => {
      await (await session.waitForText('a.button', 'Weekly status of all rollouts')).click();
      await session.waitForText('#status-title', 'Weekly status of all active rollouts');
      await session.waitForText('.rollout-figures .name', 'SMS appointment reminders');
      await session.waitForText('.rollout-figures .name', 'EHR go-live');
      await photographSizes(session, 'weekly-status-all');
    });
  });
});
