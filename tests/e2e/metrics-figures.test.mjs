// End to end: adding a metric from every template as a practice manager does, and one
// trained % and one verdict for the sample clinic on Home, the overview, readiness and the
// Training page.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliBinary, useApp } from './harness.mjs';
import { waitFor } from './webdriver.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'rollplan-e2e-metrics-'));
const database = join(workDir, 'clinic.db');

function cli(...args) {
  return execFileSync(cliBinary, ['--db', database, ...args], { encoding: 'utf8' });
}

/** A realistic start and goal, the good way round for the template's direction. */
function baselineAndTarget(unit, direction) {
  const higher = direction === 'higher_is_better';
  if (unit === 'percent') return higher ? ['62', '90'] : ['14', '9'];
  if (unit === 'score') return ['3.2', '4'];
  return higher ? ['40', '60'] : ['30', '18'];
}

describe('Metrics and figures', { concurrency: false }, () => {
  cli('demo');
  cli('rollouts', 'create', '--name', 'Measured rollout', '--go-live', '2027-03-01');
  const app = useApp({ ROLLPLAN_DB: database }, workDir);

  it('shows the same trained % and verdict on Home, the overview, readiness and the Training page', async () => {
    const session = await app.launch();
    const trainedText = (css) =>
      session.execute(`return document.querySelector(arguments[0])?.textContent.trim() ?? null;`, [css]);
    let home;
    await app.step('home', async () => {
      await session.waitFind('[data-testid="home-trained"]');
      home = await session.execute(
        `const row = [...document.querySelectorAll('tr')].find((r) => r.textContent.includes('EHR go-live'));
         const verdict = row.querySelector('.verdict');
         return { percent: row.querySelector('[data-testid="home-trained"]').textContent.trim(),
                  summary: row.querySelector('[data-testid="home-trained"]').getAttribute('title'),
                  verdict: verdict ? verdict.textContent.trim() + ' ' + verdict.nextElementSibling.textContent.trim() : null };`,
      );
      assert.match(home.percent, /^\d+% fully trained$/, 'Home says what the percent is of');
      assert.match(home.summary, /^\d+ of \d+ people fully trained — \d+%$/);
      assert.ok(home.summary.endsWith(`— ${home.percent.split('%')[0]}%`), 'the percent and its summary agree');
    });
    await app.step('overview', async () => {
      await (await session.waitForText('.sidebar a', 'EHR go-live')).click();
      await session.waitFind('[data-testid="overview-trained"]');
      assert.equal(await trainedText('[data-testid="overview-trained"]'), home.summary, 'the overview shows Home’s figure');
    });
    await app.step('readiness', async () => {
      await (await session.waitForText('.tabs a', 'Readiness & training')).click();
      await session.waitFind('[data-testid="readiness-trained"]');
      assert.equal(await trainedText('[data-testid="readiness-trained"]'), `Training: ${home.summary}`, 'readiness shows Home’s figure');
      const verdict = await session.execute(
        `const box = document.querySelector('.readiness [data-verdict]');
         return box ? [...box.children].map((c) => c.textContent.trim()).join(' ') : null;`,
      );
      assert.ok(home.verdict, 'Home shows the EHR go-live’s verdict');
      assert.equal(verdict, home.verdict, 'the readiness page shows Home’s verdict and score');
    });
    await app.step('training-page', async () => {
      await (await session.waitForText('.sidebar a', 'Training')).click();
      // The filter's rollouts are added once the matrix is on screen.
      await waitFor('the Rollout filter’s choices', () =>
        session.execute(`return document.querySelector('select[aria-label="Rollout"]')?.options.length > 1;`),
      );
      await session.execute(
        `const select = document.querySelector('select[aria-label="Rollout"]');
         select.selectedIndex = [...select.options].findIndex((o) => o.textContent.includes('EHR go-live'));
         select.dispatchEvent(new Event('change', { bubbles: true }));`,
      );
      await waitFor('the EHR go-live figure', async () => (await trainedText('[data-testid="training-trained"]')) === home.summary);
    });
    await app.step('metric', async () => {
      await (await session.waitForText('.sidebar a', 'EHR go-live')).click();
      await (await session.waitForText('.tabs a', 'Metrics')).click();
      const tile = await session.waitForText('.tile', 'Training completion');
      const latest = (await tile.property('textContent')).replace(/\s+/g, ' ');
      assert.ok(latest.includes(home.percent.split(' ')[0]), `the Training completion metric reads ${home.percent}: ${latest}`);
    });
    await app.quit();
  });

  it('adds a metric from every template with a baseline and target, each accepted with no data', async () => {
    const session = await app.launch();
    const setValue = (css, value, event = 'input') =>
      session.execute(
        `const el = document.querySelector(arguments[0]); el.value = arguments[1];
         el.dispatchEvent(new Event(arguments[2], { bubbles: true }));`,
        [css, value, event],
      );
    const value = (css) => session.execute(`return document.querySelector(arguments[0]).value;`, [css]);

    await app.step('open', async () => {
      await (await session.waitForText('.sidebar a', 'Measured rollout')).click();
      await (await session.waitForText('.tabs a', 'Metrics')).click();
      await (await session.waitForText('.metrics button', 'Add metric')).click();
      await waitFor('the templates', async () => (await session.findAll('#metric-template option')).length > 15);
    });
    const templates = await session.execute(
      `return [...document.querySelectorAll('#metric-template option')].filter((o) => o.value).map((o) => [o.value, o.textContent]);`,
    );
    await (await session.waitForText('dialog button', 'Cancel')).click();

    for (const [index, [key, name]] of templates.entries()) {
      await app.step(`template-${key}`, async () => {
        await (await session.waitForText('.metrics button', 'Add metric')).click();
        await session.waitFind('#metric-template');
        await setValue('#metric-template', key, 'change');
        await waitFor('the template to fill the name', async () => (await value('#metric-name')) === name);
        const [baseline, target] = baselineAndTarget(await value('#metric-unit'), await value('#metric-direction'));
        await (await session.find('#metric-owner')).type('Priya Nair');
        await setValue('#metric-baseline', baseline);
        await (await session.find('#metric-baseline-date')).type('11/2/2026');
        await setValue('#metric-target', target);
        await (await session.find('#metric-target-date')).type('Apr 5 2027');
        await waitFor(`${key}: the watch level to follow the baseline`, async () => Number(await value('#metric-watch-level')) === Number(baseline));
        if (index === 0) {
          // The hint's own example: a person from the directory with their role.
          const actedBy = await session.find('#metric-acted-by');
          await actedBy.erase();
          await actedBy.type('Priya Nair, front-desk lead');
        }
        await (await session.waitForText('dialog button', 'Add metric')).click();
        const tile = await session.waitForText('.tile', name);
        assert.ok((await tile.property('textContent')).includes('No data'), `${name}: a new metric shows No data`);
      });
    }
    await app.quit();

    const metrics = JSON.parse(cli('rollouts', 'list', '--json')).find((r) => r.name === 'Measured rollout');
    assert.ok(metrics, 'the rollout is still there');
  });

  it('keeps a refusal under its own field and the add-to-directory button inside the dialog', async () => {
    const session = await app.launch();
    const setValue = (css, value, event = 'input') =>
      session.execute(
        `const el = document.querySelector(arguments[0]); el.value = arguments[1];
         el.dispatchEvent(new Event(arguments[2], { bubbles: true }));`,
        [css, value, event],
      );
    await app.step('refused-owner', async () => {
      await (await session.waitForText('.sidebar a', 'EHR go-live')).click();
      await (await session.waitForText('.tabs a', 'Metrics')).click();
      await (await session.waitForText('.metrics button', 'Add metric')).click();
      await waitFor('the templates', async () => (await session.findAll('#metric-template option')).length > 15);
      await setValue('#metric-template', 'charts_closed_same_day', 'change');
      await waitFor('the template', async () => (await session.find('#metric-acted-by').then((e) => e.property('value'))) === 'physician champion');
      // A long name the directory does not have: the offer to add it must wrap in place.
      await (await session.find('#metric-owner')).type('Dr. Evangelina Montgomery-Whitcombe');
      await (await session.waitForText('dialog button', 'Add metric')).click();
      const add = await session.waitForText('dialog button', 'to the directory');
      const ownerError = await session.execute(`return document.querySelector('#metric-owner-error')?.textContent ?? '';`);
      assert.match(ownerError, /not in the staff directory/, 'the refusal sits under Owner, the field it is about');
      assert.equal((await session.findAll('#metric-acted-by-error')).length, 0, 'who acts (a role) is not refused');
      const fits = await session.execute(
        `const dialog = document.querySelector('dialog').getBoundingClientRect();
         const button = [...document.querySelectorAll('dialog button')].find((b) => b.textContent.includes('to the directory'));
         const box = button.getBoundingClientRect();
         return box.right <= dialog.right && box.left >= dialog.left;`,
      );
      assert.ok(fits, 'the add-to-directory button stays inside the dialog');
      await add.click();
      await waitFor('the person to be added', async () => (await session.findAll('#metric-owner-error')).length === 0);
      await (await session.waitForText('dialog button', 'Add metric')).click();
      await session.waitForText('.tile', 'Charts closed same day');
    });
    await app.quit();
  });
});
