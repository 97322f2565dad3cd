// End to end: an HR system's roster imported in the app. Its job titles are shown with
// the role each means (a suggestion for "Medical Assistant II", a new role for a title no
// role is close to), an employment status Rollplan does not know holds the import until
// the person says what it means, and the preview says what the import does to roles and
// training before anything is written. Then the new role is merged into the one it
// duplicates from the Roles dialog. With ROLLPLAN_SCREENSHOTS set, the dialog is
// photographed at a laptop's and a full HD window.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliBinary, photographSizes, useApp } from './harness.mjs';
import { waitFor } from './webdriver.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'rollplan-roster-'));
const database = join(workDir, 'rollplan.db');
const cli = (...args) => execFileSync(cliBinary, ['--db', database, ...args], { encoding: 'utf8' });
cli('demo');

const roster = join(workDir, 'hr-export.csv');
writeFileSync(
  roster,
  'Employee Name,Job Title,Employment Status\n' +
    'Keisha Brown,Medical Assistant II,Active\n' +
    'Luis Ortega,Medical Assistant II,Suspended\n' +
    'Nora Diaz,Patient Access Specialist,Per diem\n',
);

/** Sets a select in the open dialog by its accessible label, as a person picking does. */
function choose(session, label, value) {
  return session.execute(
    `const s = document.querySelector('dialog select[aria-label="' + arguments[0] + '"]');
     s.value = arguments[1];
     s.dispatchEvent(new Event('change', { bubbles: true }));`,
    [label, value],
  );
}

const text = async (element) => (await element.property('textContent')).replace(/\s+/g, ' ').trim();

describe('importing an HR roster', { concurrency: false }, () => {
  const app = useApp({ ROLLPLAN_DB: database }, workDir);

  it('maps job titles to roles, asks about a status once, says what changes, and merges roles', async () => {
    const session = await app.launch();
    const importButton = () => session.find('dialog .actions button.primary');

    await app.step('open the roster import', async () => {
      await (await session.waitForText('.sidebar a', 'People')).click();
      await (await session.waitForText('button', 'Import roster…')).click();
      await (await session.waitFind('#roster-file')).type(roster);
    });

    await app.step('job titles and the status to answer', async () => {
      const titles = await session.waitForText('dialog fieldset', 'Job titles');
      const shown = await text(titles);
      assert.match(shown, /Medical Assistant II 2 people/, 'each title once, with how many hold it');
      assert.match(shown, /Suggested — check it/, 'a suggestion is marked as one');
      assert.match(shown, /New role/, 'a title no role is close to becomes a new role, visibly');
      const suggested = await session.execute(
        `const s = document.querySelector('dialog select[aria-label="Role for Medical Assistant II"]');
         return s.options[s.selectedIndex].text;`,
      );
      assert.equal(suggested, 'Medical assistant (MA)', 'the HR title is taken to mean the MA role');
      await session.waitForText('dialog fieldset', 'Employment statuses');
      assert.equal(await (await importButton()).property('disabled'), true, 'the import waits for the unknown status');
      await session.waitForText('dialog .waiting', 'Say what each employment status means first');
    });

    await app.step('answer, and see what the import changes', async () => {
      await choose(session, 'Meaning of Suspended', 'left');
      const impact = await session.waitForText('dialog .impact', 'leaves Medical assistant (MA)');
      const said = await text(impact);
      assert.match(said, /1 person leaves Medical assistant \(MA\)/, 'who leaves the role');
      assert.match(said, /1 person joins Patient Access Specialist/, 'who joins the new role');
      assert.match(said, /EHR go-live: Riverside & Northgate: trained \d+% → \d+%/, 'the rollout whose trained % moves');
      await waitFor('Import to be enabled', async () => (await (await importButton()).property('disabled')) === false);
      await photographSizes(session, 'roster-import');
      await (await importButton()).click();
      await waitFor('the dialog to close', async () => (await session.findAll('dialog[open]')).length === 0);
    });

    await app.step('merge the new role into the one it duplicates', async () => {
      await (await session.waitForText('button', 'Roles…')).click();
      await (await session.waitFind('dialog button[aria-label="Merge Patient Access Specialist into another role"]')).click();
      const keep = await session.execute(
        `return [...document.getElementById('merge-into').options].find((o) => o.text === 'Front desk').value;`,
      );
      await session.execute(
        `const s = document.getElementById('merge-into'); s.value = arguments[0];
         s.dispatchEvent(new Event('change', { bubbles: true }));`,
        [keep],
      );
      await photographSizes(session, 'roles-merge');
      await (await session.waitForText('dialog .merge button', 'Merge')).click();
      await session.waitForText('.toast', 'Merged Patient Access Specialist into Front desk: 1 person');
    });

    const people = JSON.parse(cli('people', 'list', '--all', '--json'));
    const person = (name) => people.find((p) => p.name === name);
    assert.equal(person('Nora Diaz')?.role_name, 'Front desk', 'the merged role’s people hold the role kept');
    assert.equal(person('Luis Ortega')?.active, false, 'the status answered "has left" deactivates');
    assert.equal(person('Keisha Brown')?.role_name, 'Medical assistant (MA)', 'the suggested role was applied');
    const again = cli('import', 'roster', roster, '--dry-run');
    assert.match(again, /Patient Access Specialist \(1 person\) → Front desk \(as chosen before\)/, again);
    assert.match(again, /Status 'Suspended' \(1 row\): has left/, again);
  });
});
