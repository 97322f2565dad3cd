// Dates typed the way people write them, in the real window: read back before leaving
// the field, questioned when far from any plan, picked from a calendar, and never
// swallowing what is typed after them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliBinary, useApp } from './harness.mjs';
import { Keys, waitFor } from './webdriver.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'rollplan-dates-'));
const database = join(workDir, 'rollplan.db');
const cli = (...args) => execFileSync(cliBinary, ['--db', database, ...args], { encoding: 'utf8' });
cli('rollouts', 'create', '--name', 'Open-access scheduling', '--kind', 'workflow_redesign');
const rollout = JSON.parse(cli('rollouts', 'list', '--json'))[0];

/** The stored rollout, as the command line reads it. */
const stored = () => JSON.parse(cli('rollouts', 'list', '--json'))[0];

/** The day `days` from today as YYYY-MM-DD, in local time like the app. */
function fromToday(days) {
  const now = new Date();
  const day = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate() + days));
  return day.toISOString().slice(0, 10);
}

describe('typing dates', { concurrency: false }, () => {
  const app = useApp({ ROLLPLAN_DB: database }, workDir);

  it('reads a typed go-live back, keeps it on leaving the field, and questions 1901', async () => {
    const session = await app.launch();
    await session.execute('window.location.hash = arguments[0];', [`#/rollouts/${rollout.id}`]);
    const goLive = await session.waitFind('#rollout-go-live');

    await app.step('US order, read back while typing', async () => {
      await goLive.click();
      await goLive.type('1/15/2027');
      const readBack = await session.waitForText('.date-field .read-back', 'Fri, Jan 15, 2027');
      assert.ok(readBack, 'the date is read back before the person leaves the field');
      await (await session.find('#rollout-goal')).click();
      await waitFor('the go-live to be saved', async () => stored().go_live_date === '2027-01-15');
      assert.equal(await goLive.property('value'), 'Jan 15, 2027', 'the field shows the kept date as people read it');
    });

    await app.step('a date from 1901 is questioned and not saved', async () => {
      await goLive.erase();
      await goLive.type(`2/8/1901${Keys.ENTER}`);
      const question = await session.waitForText('.date-field .problem', 'before 2000');
      assert.match(await question.text(), /Fri, Feb 8, 1901 is before 2000\. Is the year right\?/);
      assert.equal(stored().go_live_date, '2027-01-15', 'nothing is saved while the date is in question');
      await goLive.erase();
      await goLive.type(`+2w${Keys.ENTER}`);
      await waitFor('two weeks from today to be saved', async () => stored().go_live_date === fromToday(14));
    });

    await app.step('nonsense is explained, and the kept date stays', async () => {
      await goLive.erase();
      await goLive.type(`soonish${Keys.ENTER}`);
      const problem = await session.waitForText('.date-field .problem', "can't read");
      assert.match(await problem.text(), /Type it like 1\/15\/2027/);
      assert.equal(await goLive.property('ariaInvalid'), 'true');
      await goLive.type(Keys.ESCAPE);
      await waitFor('the kept date back in the field', async () => (await session.findAll('.date-field .problem')).length === 0);
      assert.equal(stored().go_live_date, fromToday(14));
    });

    await app.step('the calendar picks a date from the keyboard', async () => {
      await goLive.click();
      await goLive.type(`${Keys.ALT}${Keys.ARROW_DOWN}${Keys.NULL}`);
      const day = await session.waitFind('.calendar button[tabindex="0"]');
      const label = await day.property('ariaLabel');
      await day.type(`${Keys.ARROW_RIGHT}${Keys.ENTER}`);
      await waitFor('the next day to be saved', async () => stored().go_live_date === fromToday(15));
      assert.ok(label, 'each day in the calendar is named for screen readers');
    });
    await app.quit();
  });

  it('keeps what is typed after a date in a dialog, tabbing through', async () => {
    const session = await app.launch();
    await session.execute('window.location.hash = arguments[0];', [`#/rollouts/${rollout.id}/decisions`]);
    await app.step('record a decision from the keyboard', async () => {
      await (await session.waitForText('button', 'Record a decision')).click();
      const title = await session.waitFind('#decision-title');
      await title.type('Keep Saturday clinics during the pilot');
      const date = await session.find('#decision-date');
      await date.erase();
      await date.type(`15 Jan 2027${Keys.TAB}`);
      // Tab goes on to the next field, not into a calendar.
      const focused = await session.execute('return document.activeElement.id;');
      assert.equal(focused, 'decision-by', 'Tab leaves the date for the next field');
      await (await session.find('#decision-by')).type('Dr. Amara Okafor');
      await (await session.find('#decision-choice')).type('Two Saturdays a month');
      await (await session.waitForText('dialog button', 'Record')).click();
      const row = await session.waitForText('.decision .when', 'Jan 15, 2027');
      assert.match(await row.text(), /Dr\. Amara Okafor/, 'the person typed after the date is kept');
    });
    await app.quit();
  });
});
