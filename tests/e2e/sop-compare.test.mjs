// The current state beside the future state in the real window: from the sample
// clinic's check-in SOP (version 1 approved, version 2 drafted for the new EHR), open
// Compare maps and see the two maps side by side, the step version 2 added and the one
// it reworded marked on their boxes, and the figures compared; then choose the same
// version on both sides and see nothing marked. Photographed at 1280×720 and
// 1920×1080 in light and dark.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliBinary, painted, photograph, resizePage, useApp, sampleClinicWithSop } from './harness.mjs';
import { waitFor } from './webdriver.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'rollplan-sop-compare-'));
const shots = process.env.ROLLPLAN_SCREENSHOTS ?? join(workDir, 'screens');
mkdirSync(shots, { recursive: true });

/** A sample clinic of the test's own, and its SOP FD-012. */
const sampleClinic = (name) => sampleClinicWithSop(workDir, name, 'FD-012');

/** The marks drawn on one side's map, as `step:kind`, read from the SVG itself. */
const MARKS = `
  const svg = document.querySelector('[data-testid="compare-map-' + arguments[0] + '"] svg');
  if (!svg) return null;
  return [...svg.querySelectorAll('g[data-mark]')].map((g) => g.getAttribute('data-step') + ':' + g.getAttribute('data-mark'));
`;

/** The figure rows: label → difference in words. */
const FIGURES = `
  return Object.fromEntries([...document.querySelectorAll('[data-testid="compare-figures"] tbody tr')]
    .map((row) => [row.getAttribute('data-figure'), row.lastElementChild.textContent.trim()]));
`;

async function photographBoth(session, theme, name) {
  for (const [width, height] of [[1280, 720], [1920, 1080]]) {
    await resizePage(session, width, height);
    await painted(session);
    await photograph(session, join(shots, `${name}-${width}x${height}-${theme}.png`));
  }
  await resizePage(session, 1280, 720);
}

for (const theme of ['light', 'dark']) {
  describe(`comparing maps in ${theme}`, { concurrency: false }, () => {
    const { database, sop } = sampleClinic(theme);
    const env = { ROLLPLAN_DB: database, ...(theme === 'dark' ? { GTK_THEME: 'Adwaita:dark' } : {}) };
    const app = useApp(env, workDir);

    it('sets two versions side by side with their changed steps marked', async () => {
      const session = await app.launch();
      await resizePage(session, 1280, 720);

      await app.step(`open the compare view from the SOP (${theme})`, async () => {
        await session.execute('window.location.hash = arguments[0];', [`#/sops/${sop.id}`]);
        await (await session.waitForText('a.button', 'Compare maps')).click();
        await session.waitFind('[data-testid="compare-map-after"] svg');
        assert.match(await session.execute('return window.location.hash;'), /\/compare$/, 'the compare view has its own address');
      });

      await app.step(`see the marked steps and the figures (${theme})`, async () => {
        await waitFor('the marks on the future map', async () => (await session.execute(MARKS, ['after']))?.length === 2);
        assert.deepEqual(
          await session.execute(MARKS, ['after']),
          ['2:added', '3:edited'],
          'version 2 added the kiosk queue as step 2 and reworded the scan, now step 3',
        );
        assert.deepEqual(await session.execute(MARKS, ['before']), ['2:edited'], 'the reworded scan is step 2 of version 1');
        const figures = await session.execute(FIGURES);
        assert.equal(figures.Steps, '1 more step', `one step more: ${JSON.stringify(figures)}`);
        assert.equal(figures['Hand-offs between lanes'], 'the same number of hand-offs', 'the new step stays at the front desk');
        await session.waitForText('[data-testid="compare-changes"]', '1 step added, 1 edited');
        const after = await session.waitForText('[data-side="after"] .marks li', 'Step 2: Added');
        assert.ok(after, 'the marks are also listed in words');

        const [before, future, viewport] = await session.execute(`
          const box = (side) => document.querySelector('[data-testid="compare-map-' + side + '"]').getBoundingClientRect();
          const a = box('before'), b = box('after');
          return [[a.left, a.right, a.top], [b.left, b.right, b.top], window.innerWidth];
        `);
        assert.ok(before[1] <= future[0], `at 1280×720 the two maps sit side by side: ${before} / ${future}`);
        assert.ok(future[1] <= viewport, 'and both fit the window');
        assert.ok(before[2] < 720 && future[2] < 720, 'both maps start in the first screenful');
        await session.execute(`document.querySelector('[data-testid="compare-figures"]').scrollIntoView({ block: 'start' });`);
        await photographBoth(session, theme, 'sop-compare');
      });

      await app.step(`zoom one half (${theme})`, async () => {
        const widthOf = `return document.querySelector('[data-testid="compare-map-after"] svg').getBoundingClientRect().width;`;
        const fitted = await session.execute(widthOf);
        await session.execute(`document.querySelector('[data-side="after"] button[aria-label="Zoom in"]').click();`);
        await waitFor('the future map to grow', async () => (await session.execute(widthOf)) > fitted * 1.4);
        const beforeWidth = await session.execute(
          `return document.querySelector('[data-testid="compare-map-before"] svg').getBoundingClientRect().width;`,
        );
        assert.ok(beforeWidth < fitted * 1.1, 'the other half keeps its own zoom');
      });

      await app.step(`the same version on both sides marks nothing (${theme})`, async () => {
        await session.execute(`
          const select = document.querySelector('select[aria-label="Current state"]');
          select.value = [...select.options].find((o) => o.textContent.includes('version 2')).value;
          select.dispatchEvent(new Event('change', { bubbles: true }));
        `);
        await session.waitForText('[data-testid="compare-changes"]', 'No step added, removed, moved or edited.');
        assert.deepEqual(await session.execute(MARKS, ['after']), [], 'no box is marked');
        const figures = await session.execute(FIGURES);
        assert.equal(figures.Steps, 'the same number of steps');
        console.log(`screenshots: ${shots}`);
      });
      await app.quit();
    });
  });
}
