// End to end: backups from Settings, restoring one in the running app, and a damaged
// database at start-up offering the latest good backup instead of being overwritten.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliBinary, useApp } from './harness.mjs';
import { waitFor } from './webdriver.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'rollplan-e2e-backup-'));

function cli(database, ...args) {
  return execFileSync(cliBinary, ['--db', database, ...args], { encoding: 'utf8' });
}

/** A database of the test's own holding the sample clinic. */
function sampleClinic(name) {
  const database = join(workDir, `${name}.db`);
  cli(database, 'demo');
  return database;
}

describe('Backups', { concurrency: false }, () => {
  const app = useApp({}, workDir);

  it('backs up from Settings and restores a backup in the running app', async () => {
    const database = sampleClinic('restore');
    const session = await app.launch({ ROLLPLAN_DB: database });
    await app.step('back-up-now', async () => {
      await (await session.waitForText('.sidebar a', 'Settings')).click();
      await (await session.waitForText('button', 'Back up now')).click();
      await session.waitForText('section[aria-labelledby="backups-title"] td', 'Made by hand');
    });

    await app.step('edit-after-backup', async () => {
      await (await session.waitForText('.sidebar a', 'SMS appointment')).click();
      const name = await session.waitFind('#rollout-name');
      await waitFor('the rollout to load', async () => (await name.property('value')) !== '');
      await name.erase();
      await name.type('Renamed after the backup');
      await session.waitFind('[data-save-status="saved"]');
      await session.waitForText('.sidebar a', 'Renamed after the backup');
    });

    await app.step('restore', async () => {
      await (await session.waitForText('.sidebar a', 'Settings')).click();
      await (await session.waitFind('tr[data-reason="manual"] button')).click();
      await (await session.waitForText('dialog button.primary', 'Restore')).click();
      await session.waitForText('.sidebar a', 'SMS appointment reminders', 20000);
      const names = await Promise.all((await session.findAll('.sidebar a')).map((a) => a.property('textContent')));
      assert.ok(!names.some((n) => n.includes('Renamed after the backup')), 'the edit made after the backup is gone');
    });

    await app.step('kept-before-restore', async () => {
      await (await session.waitForText('.sidebar a', 'Settings')).click();
      await session.waitForText('section[aria-labelledby="backups-title"] td', 'Before a restore');
    });
  });

  it('offers the latest good backup for a damaged database and never overwrites it', async () => {
    const database = sampleClinic('damaged');
    cli(database, 'backup');
    cli(database, 'rollouts', 'create', '--name', 'Added after the first backup');
    // Backups are named to the second: the second one is unmistakably the newer.
    execFileSync('sleep', ['1.1']);
    cli(database, 'backup');
    // Damage a page in the middle of the file, as a failing disk would.
    const { size } = statSync(database);
    const fd = openSync(database, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const damaged = readFileSync(database);

    const session = await app.launch({ ROLLPLAN_DB: database });
    await app.step('damaged', async () => {
      await session.waitForText('h1', "Rollplan can't open your data");
      assert.deepEqual(readFileSync(database), damaged, 'opening a damaged database changes nothing in it');
      await (await session.waitForText('button', 'Restore the latest good backup')).click();
      // The newest good backup is the second one, made after the rollout was added.
      await session.waitForText('.sidebar a', 'Added after the first backup', 20000);
      await session.waitForText('.sidebar a', 'EHR go-live');
    });
    const check = cli(database, 'check');
    assert.match(check, /ok|healthy|passed/i, `the restored database passes the check: ${check}`);
  });

  it('names records that point at missing ones and repairs them when asked', async () => {
    const database = sampleClinic('orphans');
    // Another program deletes a rollout with foreign keys off, leaving its plan behind.
    execFileSync('python3', ['-c', `import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA foreign_keys = OFF")
db.execute("DELETE FROM rollouts WHERE name LIKE 'SMS appointment%'")
db.commit()`, database]);

    const session = await app.launch({ ROLLPLAN_DB: database });
    await app.step('told-once', async () => {
      await session.waitForText('.sidebar a', 'EHR go-live');
      await (await session.waitForText('button', 'Review')).click();
      await session.waitForText('#database-health li', 'plan tasks point at rollouts that no longer exist');
    });
    await app.step('repaired', async () => {
      await (await session.waitForText('#database-health button', 'Repair')).click();
      await session.waitForText('[role="status"]', 'A backup was made first');
      await waitFor('the notice to go', async () => (await session.findAll('#database-health')).length === 0);
      await session.waitForText('section[aria-labelledby="backups-title"] td', 'Before a repair');
    });
    await app.quit();
    const check = cli(database, 'check');
    assert.match(check, /Healthy/, `the repaired database passes the check: ${check}`);
  });
});
