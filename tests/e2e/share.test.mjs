// End to end: sharing a rollout from the real app — the Export panel with its PHI check
// and progress, and importing a colleague's bundle with a conflict to settle.
// Native save and open dialogs cannot be clicked through here; the app's test answers
// (ROLLPLAN_TEST_SAVE_DIR, ROLLPLAN_TEST_OPEN_FILE) stand in for the person's choice.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliBinary, useApp } from './harness.mjs';
import { waitFor } from './webdriver.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'rollplan-e2e-share-'));
const database = join(workDir, 'clinic.db');
const exports = join(workDir, 'exports');
// The bundle the open dialog answers with: where the app saves the SMS pilot's bundle.
const bundle = join(exports, 'SMS appointment reminders.rollplan');

function cli(...args) {
  return execFileSync(cliBinary, ['--db', database, ...args], { encoding: 'utf8' });
}

describe('Sharing a rollout', { concurrency: false }, () => {
  mkdirSync(exports);
  cli('demo');
  const app = useApp({ ROLLPLAN_DB: database, ROLLPLAN_TEST_SAVE_DIR: exports, ROLLPLAN_TEST_OPEN_FILE: bundle }, workDir);

  it('exports the rollout report as a PDF, stopping first for what looks like patient data', async () => {
    const session = await app.launch();
    await app.step('open-rollout', async () => {
      await (await session.waitForText('.sidebar a', 'EHR go-live')).click();
      const goal = await session.waitFind('#rollout-goal');
      await waitFor('the rollout to load', async () => (await goal.property('value')) !== '');
      // A phone number typed into the goal: the PHI check must catch it.
      await goal.type(' Questions: call Jane at 555-201-7788.');
      await session.waitFind('[data-save-status="saved"]');
    });

    await app.step('phi-check', async () => {
      await (await session.waitForText('header button', 'Export…')).click();
      await (await session.waitFind('input[name="export-format"][value="pdf"]')).click();
      await (await session.waitForText('dialog button.primary', 'Export…')).click();
      const warning = await session.waitForText('dialog [role="alert"]', 'patient data');
      assert.ok(warning, 'the PHI check speaks before anything is saved');
      await session.waitForText('dialog li', 'goal: a phone number');
      assert.deepEqual(readdirSync(exports), [], 'nothing is written while the finding is unanswered');
    });

    await app.step('export-anyway', async () => {
      await (await session.waitForText('dialog button', 'Export anyway')).click();
      await session.waitForText('dialog [role="status"]', 'Saved', 30000);
      await session.waitForText('dialog button', 'Show in folder');
      const [file] = readdirSync(exports);
      assert.match(file, /^EHR go-live.*\.pdf$/, 'the file carries the rollout name');
      const pdf = readFileSync(join(exports, file));
      assert.equal(pdf.subarray(0, 4).toString(), '%PDF', 'a PDF was written');
      assert.ok(pdf.length > 50_000, 'a whole report, not an empty page');
    });
  });

  it('exports a summary PDF of two pages when the panel is asked for the summary only', async () => {
    const session = await app.launch();
    await app.step('export-summary', async () => {
      await (await session.waitForText('.sidebar a', 'SMS appointment')).click();
      await (await session.waitForText('header button', 'Export…')).click();
      await (await session.waitFind('input[name="export-format"][value="pdf"]')).click();
      await session.waitForText('dialog label', 'The two-page executive summary only.');
      await (await session.waitFind('input[name="export-detail"][value="summary"]')).click();
      await (await session.waitForText('dialog button.primary', 'Export…')).click();
      await session.waitForText('dialog [role="status"]', 'Saved', 30000);
      const file = join(exports, 'SMS appointment reminders.pdf');
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
      assert.ok(pages >= 1 && pages <= 2, `the summary is at most two pages, got ${pages}`);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      assert.match(text, /ROLLOUT REPORT/, 'the cover heading reads as words');
      assert.doesNotMatch(text, /Contents/, 'the summary alone has no contents or sections');
      await (await session.waitForText('dialog button', 'Done')).click();
    });
  });

  it('imports a colleague’s bundle, showing the difference and taking theirs', async () => {
    // The colleague's copy of the SMS pilot, with one task renamed.
    cli('export', 'SMS appointment', '--format', 'bundle', '--out', bundle);
    const theirs = JSON.parse(readFileSync(bundle, 'utf8'));
    const renamed = theirs.tasks[0];
    const before = renamed.title;
    renamed.title = 'Pilot the reminders at Northgate first';
    writeFileSync(bundle, JSON.stringify(theirs, null, 2));

    const session = await app.launch();
    await app.step('preview', async () => {
      await (await session.waitForText('.sidebar a', 'Import a bundle')).click();
      await (await session.waitForText('button', 'Choose a bundle…')).click();
      await session.waitForText('h2', 'SMS appointment reminders');
      await session.waitForText('h2', '1 difference from what you have');
      const conflict = await session.waitForText('article.conflict', before);
      assert.match(await conflict.property('textContent'), /Pilot the reminders at Northgate first/, 'their title is shown beside mine');
      const importButton = await session.waitForText('button', 'Import');
      assert.equal(await importButton.property('disabled'), true, 'nothing can be imported until the difference is settled');
    });

    await app.step('import', async () => {
      await (await session.waitFind('article.conflict .choice label:nth-of-type(2) input')).click();
      const importButton = await session.waitForText('.import-bar button', 'Import');
      await waitFor('the import to be allowed', async () => (await importButton.property('disabled')) === false);
      await importButton.click();
      const result = await session.waitForText('section[aria-label="Import result"]', 'Imported');
      assert.match(await result.property('textContent'), /1 updated/, 'the one difference was taken');
    });

    const tasks = cli('export', 'SMS appointment', '--format', 'md', '--out', join(workDir, 'after.md'));
    assert.match(tasks, /Exported/);
    assert.match(readFileSync(join(workDir, 'after.md'), 'utf8'), /Pilot the reminders at Northgate first/, 'the database holds their title');
  });

  it('protects a bundle with a passphrase and opens it only with that passphrase', async () => {
    const session = await app.launch();
    await app.step('export-protected', async () => {
      await (await session.waitForText('.sidebar a', 'SMS appointment')).click();
      await (await session.waitForText('header button', 'Export…')).click();
      await (await session.waitFind('input[name="export-format"][value="bundle"]')).click();
      await (await session.waitForText('dialog label', 'Protect with a passphrase')).click();
      await (await session.waitFind('#export-passphrase')).type('riverside-2027');
      await (await session.find('#export-passphrase-again')).type('riverside-2027');
      await (await session.waitForText('dialog button.primary', 'Export…')).click();
      await session.waitForText('dialog [role="status"]', 'Saved', 30000);
      const written = readFileSync(bundle);
      assert.equal(written.subarray(0, 21).toString(), 'age-encryption.org/v1', 'the bundle is encrypted');
      await (await session.waitForText('dialog button', 'Done')).click();
    });

    await app.step('import-protected', async () => {
      await (await session.waitForText('.sidebar a', 'Import a bundle')).click();
      await (await session.waitForText('button', 'Choose a bundle…')).click();
      await session.waitForText('h2', 'is protected');
      const field = await session.waitFind('#bundle-passphrase');
      await field.type('northgate-2027');
      await (await session.waitForText('form button', 'Open')).click();
      await session.waitForText('#bundle-passphrase-error', 'does not open this bundle');
      await field.erase();
      await field.type('riverside-2027');
      await (await session.waitForText('form button', 'Open')).click();
      await session.waitForText('h2', 'SMS appointment reminders');
      await (await session.waitForText('.import-bar button', 'Import')).click();
      const result = await session.waitForText('section[aria-label="Import result"]', 'Imported');
      assert.match(await result.property('textContent'), /0 added/, 'the same rollout: nothing new to add');
    });
  });
});
