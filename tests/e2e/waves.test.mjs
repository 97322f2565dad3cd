// End to end: the sample clinic's EHR go-live is wave 1 of a programme. A practice
// manager opens the programme, plans its second wave — a go-live before the pilot's is
// refused at the field in the core's words — and then finds the new wave under the
// programme on Home and on the programme's timeline, with the same readiness and
// trained % as everywhere else. Photographed at a laptop and a full-HD size, light and dark.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliBinary, painted, photograph, resizePage, useApp } from './harness.mjs';
import { Keys, waitFor } from './webdriver.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'rollplan-e2e-waves-'));
const shots = process.env.ROLLPLAN_SCREENSHOTS ?? join(workDir, 'shots');
mkdirSync(shots, { recursive: true });
const WAVE_2 = 'EHR go-live: wave 2 (four sites)';

function sampleClinic(theme) {
  const database = join(workDir, `clinic-${theme}.db`);
  const cli = (...args) => execFileSync(cliBinary, ['--db', database, ...args], { encoding: 'utf8' });
  cli('demo');
  const [programme] = JSON.parse(cli('programme', 'list', '--json'));
  assert.ok(programme, 'the sample clinic has a programme');
  assert.equal(programme.waves.length, 1, 'with one wave');
  return { database, cli, programme };
}

async function photographBoth(session, name, theme) {
  for (const [width, height] of [[1280, 720], [1920, 1080]]) {
    await resizePage(session, width, height);
    await painted(session);
    await photograph(session, join(shots, `${name}-${width}x${height}-${theme}.png`));
  }
}

const text = (session, css) =>
  session.execute(`return document.querySelector(arguments[0])?.textContent.replace(/\\s+/g, ' ').trim() ?? null;`, [css]);

for (const theme of ['light', 'dark']) {
  describe(`programme waves in ${theme}`, { concurrency: false }, () => {
    const { database, cli, programme } = sampleClinic(theme);
    const name = programme.programme.name;
    const pilot = programme.waves[0].rollout;
    const env = { ROLLPLAN_DB: database, ...(theme === 'dark' ? { GTK_THEME: 'Adwaita:dark' } : {}) };
    const app = useApp(env, workDir);

    it('plans a second wave of the EHR go-live and shows it under the programme', async () => {
      const session = await app.launch();
      await resizePage(session, 1280, 720);
      const typeDate = async (css, value) => {
        const field = await session.waitFind(css);
        await field.click();
        await field.erase();
        await field.type(`${value}${Keys.TAB}`);
      };

      await app.step(`open the programme (${theme})`, async () => {
        await (await session.waitForText('.sidebar a', 'Programmes')).click();
        await (await session.waitForText('main a', name)).click();
        await session.waitFind('[data-testid="wave-timeline"]');
        await waitFor('one wave', async () => (await session.findAll('[data-testid="wave"]')).length === 1);
        await photographBoth(session, 'waves-programme-before', theme);
        await resizePage(session, 1280, 720);
      });

      await app.step(`a go-live before the pilot's is refused at the field (${theme})`, async () => {
        await (await session.waitForText('main button', 'Plan the next wave')).click();
        await (await session.waitFind('#wave-name')).type(WAVE_2);
        await typeDate('#wave-go-live', '+1d');
        const sites = await session.find('#wave-sites');
        await sites.type(`Eastside Clinic${Keys.ENTER}`);
        await sites.type(`Hillcrest${Keys.ENTER}`);
        await (await session.waitForText('dialog button', 'Plan the wave')).click();
        const refusal = await session.waitForText('#wave-go-live-error', 'comes before the previous wave');
        assert.match(
          await refusal.property('textContent'),
          new RegExp(`${pilot.go_live_date}.*${pilot.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
          "the core's message names the pilot's go-live and the pilot",
        );
        await photographBoth(session, 'waves-plan-refused', theme);
        await resizePage(session, 1280, 720);
      });

      await app.step(`plan wave 2 (${theme})`, async () => {
        await typeDate('#wave-go-live', '+150d');
        await (await session.waitForText('dialog button', 'Plan the wave')).click();
        // The new rollout opens once it is planned.
        await session.waitForText('main h1', WAVE_2);
      });

      let homeTrained;
      await app.step(`Home groups the waves under the programme (${theme})`, async () => {
        await (await session.waitForText('.sidebar a', 'Home')).click();
        await session.waitForText('tbody[data-programme] tr.group', name);
        await waitFor('both waves under the programme', async () =>
          (await session.execute(
            `return [...document.querySelectorAll('tbody[data-programme]:not([data-programme=""]) tr:not(.group) a.name')].map((a) => a.textContent);`,
          )).length === 2,
        );
        const rows = await session.execute(
          `const group = [...document.querySelectorAll('tbody[data-programme]')].find((b) => b.textContent.includes(arguments[0]));
           return [...group.querySelectorAll('tr:not(.group)')].map((tr) => ({
             wave: tr.querySelector('.wave')?.textContent.trim(),
             name: tr.querySelector('a.name').textContent.trim(),
             owner: tr.querySelector('[data-testid="home-owner"]').textContent.trim(),
             trained: tr.querySelector('[data-testid="home-trained"]')?.textContent.trim() ?? null,
           }));`,
          [name],
        );
        assert.deepEqual(rows.map((r) => [r.wave, r.name]), [['Wave 1', pilot.name], ['Wave 2', WAVE_2]], 'the waves in order under the programme');
        assert.equal(rows[0].owner, pilot.owner, "each rollout's owner is on Home");
        assert.equal(rows[1].owner, pilot.owner, 'the new wave keeps the owner of the wave it was planned from');
        homeTrained = rows[0].trained;
        await photographBoth(session, 'waves-home', theme);
        await resizePage(session, 1280, 720);
      });

      await app.step(`the programme's timeline shows both go-lives (${theme})`, async () => {
        await (await session.waitForText('tr.group a', name)).click();
        await session.waitFind('[data-testid="wave-timeline"] [data-wave="2"]');
        const labels = await session.execute(
          `return [...document.querySelectorAll('[data-testid="wave-timeline"] li a')].map((a) => a.textContent.trim());`,
        );
        assert.deepEqual(labels, [`Wave 1 · ${pilot.name}`, `Wave 2 · ${WAVE_2}`], 'a row per wave, in order');
        const pilotTrained = await text(session, '[data-testid="wave"][data-wave="1"] [data-testid="wave-trained"]');
        if (homeTrained) {
          assert.ok(pilotTrained.startsWith(homeTrained), `the pilot's trained % is Home's: ${pilotTrained} / ${homeTrained}`);
        }
        await photographBoth(session, 'waves-programme', theme);
      });

      await app.step(`a removed programme waits in the Trash and comes back (${theme})`, async () => {
        await (await session.waitForText('button', 'Remove programme')).click();
        await session.waitForText('.toast, [role="status"]', 'Its rollouts stay, ungrouped');
        await (await session.waitForText('.sidebar a', 'Trash')).click();
        const line = await session.waitForText('.list li', name);
        assert.match(await line.property('textContent'), /Programme · removed/, 'listed as a programme');
        await session.execute(
          `const li = [...document.querySelectorAll('.list li')].find((l) => l.textContent.includes(arguments[0]));
           [...li.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Restore').click();`,
          [name],
        );
        await waitFor('the programme to leave the Trash', async () =>
          !(await session.execute(`return document.querySelector('.list')?.textContent ?? '';`)).includes(name),
        );
        await (await session.waitForText('.sidebar a', 'Home')).click();
        await session.waitForText('tr.group', name);
      });

      await app.quit();
      const [after] = JSON.parse(cli('programme', 'list', '--json'));
      assert.deepEqual(
        after.waves.map((w) => [w.number, w.rollout.name, w.rollout.sites]),
        [[1, pilot.name, pilot.sites], [2, WAVE_2, ['Eastside Clinic', 'Hillcrest']]],
        'the command line sees the same two waves, the pilot unchanged',
      );
    });
  });
}
