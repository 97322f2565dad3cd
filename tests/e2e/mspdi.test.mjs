// End to end: a vendor's Microsoft Project plan, saved as XML, imported through the
// plan's *Import plan…* the way a CSV is: the preview says what will be added and what
// the plan leaves out, then the tasks are in their phase.
import assert from 'node:assert/strict';
import { rowShown } from './grid.mjs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliBinary, useApp } from './harness.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'rollplan-e2e-mspdi-'));
const database = join(workDir, 'rollplan.db');

/** Two tasks under one summary task, the second starting a day after the first starts
 *  and carrying a date constraint. */
function vendorPlan() {
  const task = (uid, name, level, more = '') =>
    `<Task><UID>${uid}</UID><ID>${uid}</ID><Name>${name}</Name><OutlineNumber>${level === 1 ? uid : `1.${uid - 1}`}</OutlineNumber>` +
    `<OutlineLevel>${level}</OutlineLevel><Start>2027-01-11T08:00:00</Start><Finish>2027-01-15T17:00:00</Finish>${more}</Task>`;
  const file = join(workDir, 'vendor plan.xml');
  writeFileSync(
    file,
    '<?xml version="1.0" encoding="UTF-8"?><Project xmlns="http://schemas.microsoft.com/project"><Tasks>' +
      task(1, 'Lab interface build', 1, '<Summary>1</Summary>') +
      task(2, 'Map result codes', 2, '<PercentComplete>100</PercentComplete>') +
      task(3, 'Validate the results feed', 2,
        '<ConstraintType>2</ConstraintType><ConstraintDate>2027-01-11T08:00:00</ConstraintDate>' +
        '<PredecessorLink><PredecessorUID>2</PredecessorUID><Type>3</Type><LinkLag>4800</LinkLag><LagFormat>7</LagFormat></PredecessorLink>') +
      '</Tasks></Project>',
  );
  return file;
}

describe('Microsoft Project plans', { concurrency: false }, () => {
  const app = useApp({ ROLLPLAN_DB: database }, workDir);

  it('imports a plan saved as XML from the plan tab, with its preview', async () => {
    execFileSync(cliBinary, ['--db', database, 'rollouts', 'create', '--name', 'Lab results interface']);
    const file = vendorPlan();
    const session = await app.launch();
    await app.step('preview', async () => {
      await (await session.waitForText('.sidebar a', 'Lab results interface')).click();
      await (await session.waitForText('.tabs a', 'Plan')).click();
      await (await session.waitForText('button', 'Import plan…')).click();
      const accept = await session.execute(`return document.querySelector('input[aria-label="File to import"]').accept;`);
      assert.match(accept, /\.xml/, `the file picker offers XML files: ${accept}`);
      await (await session.waitFind('input[aria-label="File to import"]')).type(file);
      const status = await session.waitForText('[role="status"]', '2 tasks and 1 dependency will be added');
      const said = await status.text();
      assert.match(said, /new phases: Lab interface build/, said);
      assert.match(said, /1 task had a date constraint/, `the preview says what is left out: ${said}`);
      await (await session.waitForText('dialog button', 'Import 2 tasks')).click();
    });
    await app.step('imported', async () => {
      await rowShown(session, 'Validate the results feed');
      await rowShown(session, 'Map result codes');
    });
    await app.quit();
  });
});
