// End to end: one improvement cycle (PDSA) run on the sample clinic's SMS pilot, as a
// practice manager runs it — the overview shows the cycle running, a new cycle is
// planned on the no-show rate over values already recorded, its study is read on the
// metric, the Act is recorded and appears in the decision log; the command line lists it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliBinary, photographSizes, useApp } from './harness.mjs';
import { Keys, waitFor } from './webdriver.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'rollplan-e2e-pdsa-'));
const database = join(workDir, 'clinic.db');

function cli(...args) {
  return execFileSync(cliBinary, ['--db', database, ...args], { encoding: 'utf8' });
}

const CHANGE = 'Front desk confirms by text reply on the day of the visit';

describe('Improvement cycles', { concurrency: false }, () => {
  cli('demo');
  const app = useApp({ ROLLPLAN_DB: database }, workDir);

  it('runs a cycle on the SMS pilot: plan, study, Act, decision log', async () => {
    const session = await app.launch();
    const typeDate = async (css, text) => {
      const field = await session.waitFind(css);
      await session.execute(`document.querySelector(arguments[0]).scrollIntoView({ block: 'center' });`, [css]);
      await field.click();
      await field.erase();
      await field.type(`${text}${Keys.ENTER}`);
    };
    await app.step('the overview shows the sample cycle running', async () => {
      await (await session.waitForText('.sidebar a', 'SMS appointment')).click();
      await session.waitForText('[data-testid="overview-pdsa"] li', 'Second text reminder 24 hours before the visit');
    });
    await app.step('the no-show rate shows its ramp', async () => {
      await (await session.waitForText('.tabs a', 'Metrics')).click();
      await (await session.waitForText('.tile', 'No-show rate')).click();
      await session.waitFind('[data-testid="pdsa-ramp"]');
      await waitFor('the two sample cycles', async () => (await session.findAll('[data-testid="pdsa-cycle"]')).length === 2);
      await session.waitForText('[data-testid="pdsa-act"]', 'Adapt');
      const markers = await session.findAll('[data-testid="metric-detail"] [data-testid="chart-prediction"]');
      assert.equal(markers.length, 2, "the metric's chart marks each prediction");
    });
    await app.step('plan a cycle over values already recorded', async () => {
      await (await session.waitForText('[data-testid="pdsa-ramp"] button', 'Plan a cycle')).click();
      await (await session.waitFind('#pdsa-change')).type(CHANGE);
      // The pilot's values nine and two days ago fall inside this window.
      await typeDate('#pdsa-do-from', '-10d');
      await typeDate('#pdsa-do-to', '-2d');
      await typeDate('#pdsa-prediction-date', '-2d');
      await (await session.find('#pdsa-prediction')).type('13%');
      await (await session.find('#pdsa-reason')).type('Replies on the day catch the patients who forgot.');
      await (await session.waitForText('dialog button', 'Plan the cycle')).click();
    });
    await app.step('read its study', async () => {
      await waitFor('the new cycle', async () => (await session.findAll('[data-testid="pdsa-cycle"]')).length === 3);
      const study = await session.waitForText('[data-testid="pdsa-study"]', 'Predicted 13%');
      const text = (await study.property('textContent')).replace(/\s+/g, ' ');
      assert.match(
        text,
        /measured 12\.6% on .*: 0\.4 points below the prediction, better than predicted\./,
        `fewer no-shows than predicted reads as better: ${text}`,
      );
    });
    await app.step('record the Act', async () => {
      const recorded = await session.execute(
        `const card = [...document.querySelectorAll('[data-testid="pdsa-cycle"]')].find((c) => c.textContent.includes(arguments[0]));
         const button = [...card.querySelectorAll('button')].find((b) => b.textContent.includes('Record the Act'));
         button.click();
         return true;`,
        [CHANGE],
      );
      assert.ok(recorded, 'the new cycle offers its Act');
      await session.waitFind('input[name="pdsa-act"][value="adopt"]');
      await (await session.find('input[name="pdsa-act"][value="adopt"]')).click();
      await (await session.find('#pdsa-rationale')).type('Fewer no-shows than predicted and no extra calls at the desk.');
      await (await session.waitForText('dialog button', 'Record')).click();
      await waitFor('the Act on the cycle', async () =>
        session.execute(
          `const card = [...document.querySelectorAll('[data-testid="pdsa-cycle"]')].find((c) => c.textContent.includes(arguments[0]));
           return card?.querySelector('[data-testid="pdsa-act"]')?.textContent.includes('Adopt') ?? false;`,
          [CHANGE],
        ),
      );
      await photographSizes(session, 'pdsa-ramp');
    });
    await app.step('the decision is in the decision log', async () => {
      await (await session.waitForText('.tabs a', 'Decisions')).click();
      await session.waitForText('.decision .title', `Adopt: ${CHANGE}`);
    });
    await app.quit();
    const listed = cli('pdsa', 'list', 'SMS appointment reminders');
    assert.ok(listed.includes(CHANGE), 'the command line lists the new cycle');
    assert.ok(listed.includes('Better than predicted'), 'with its result');
  });
});
