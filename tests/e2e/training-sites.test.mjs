// End to end: training by site. The sample clinic's SMS rollout is at Riverside only, so
// its front-desk training reaches Riverside's front desk and not Northgate's; limiting
// the requirement to another site in the app moves who is counted, on screen at once.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliBinary, photographSizes, useApp } from './harness.mjs';
import { waitFor } from './webdriver.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'rollplan-e2e-training-sites-'));
const database = join(workDir, 'rollplan.db');
execFileSync(cliBinary, ['--db', database, 'demo'], { encoding: 'utf8' });

const TIP_SHEET = 'Two-way SMS reminders: front-desk tip sheet';

describe('Training by site', { concurrency: false }, () => {
  const app = useApp({ ROLLPLAN_DB: database }, workDir);

  it("assigns a rollout's training at its sites, and a requirement can be limited elsewhere", async () => {
    const session = await app.launch();
    const requirementRow = (title) =>
      session.execute(
        `return [...document.querySelectorAll('.training tbody tr')]
           .find((tr) => tr.textContent.includes(arguments[0]))?.textContent ?? '';`,
        [title],
      );
    const frontDesk = () =>
      session.execute(
        `return [...document.querySelectorAll('.completion li')]
           .find((li) => li.querySelector('.role').textContent === 'Front desk')?.querySelector('.text').textContent ?? '';`,
      );

    await app.step('the EHR go-live limits billing training to the billing office', async () => {
      await (await session.waitForText('.sidebar a', 'EHR go-live')).click();
      await (await session.waitForText('.tabs a', 'Readiness')).click();
      await session.waitFind('.training tbody tr');
      const billing = await waitFor('the billing requirement', async () => {
        const row = await requirementRow('Charge capture');
        return row.includes('Central billing office') && row;
      });
      assert.match(billing, /Biller \/ coder/, 'the billing module is asked of billers, at the billing office');
    });

    await app.step("the SMS rollout's training reaches Riverside's front desk only", async () => {
      await (await session.waitForText('.sidebar a', 'SMS appointment reminders')).click();
      await (await session.waitForText('.tabs a', 'Readiness')).click();
      await waitFor('the tip sheet requirement', async () => (await requirementRow(TIP_SHEET)).includes('All sites'));
      const before = await waitFor('front-desk completion', async () => (await frontDesk()) || false);
      assert.match(before, /of 4 fully trained/, `Riverside has four at the front desk, Northgate's three are not counted: ${before}`);
    });

    await app.step('limit it to Northgate instead', async () => {
      await (await session.find(`button[aria-label="Change where Front desk need ${TIP_SHEET}"]`)).click();
      await session.waitFind('.editing input[type="checkbox"]');
      const labels = await session.execute(
        `return [...document.querySelectorAll('.editing label')].map((l) => l.textContent.trim());`,
      );
      assert.equal(labels[0], 'Riverside Family Medicine', "the rollout's own sites come first");
      assert.ok(labels.includes('Northgate Pediatrics'), `other departments can be chosen: ${labels}`);
      await (
        await session.find(`.editing input[id$="-${labels.indexOf('Northgate Pediatrics')}"]`)
      ).click();
      await session.execute(`document.querySelector('.editing').scrollIntoView({ block: 'center' });`);
      await photographSizes(session, 'training-sites');
      await (await session.waitForText('.editing button', 'Save')).click();
      await waitFor('the editor to close', async () => (await session.findAll('.editing')).length === 0);
      await waitFor('the row to say Northgate', async () => (await requirementRow(TIP_SHEET)).includes('Northgate Pediatrics'));
      const after = await waitFor('front-desk completion recounted', async () => {
        const text = await frontDesk();
        return /of 3 fully trained/.test(text) && text;
      });
      assert.match(after, /of 3 fully trained/, `now Northgate's three are counted: ${after}`);
    });
  });
});
