// An SOP's process map in the real window: open the map of the sample clinic's prior
// authorization procedure, give a step to another role in the editor, and see its box
// move to that role's lane. The lane a box sits in is read from the drawing itself (the
// lane rectangles and their headings in the SVG), as a person would read it. The map is
// photographed at a 1280×720 laptop in light and dark for a person to look at, and so
// is the escalation table across the library, filtered by a role.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliBinary, painted, photograph, resizePage, useApp, sampleClinicWithSop } from './harness.mjs';
import { waitFor } from './webdriver.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'rollplan-sop-map-'));
const shots = process.env.ROLLPLAN_SCREENSHOTS ?? join(workDir, 'screens');
mkdirSync(shots, { recursive: true });

/** A sample clinic of the test's own, and its SOP CL-020. */
const sampleClinic = (name) => sampleClinicWithSop(workDir, name, 'CL-020');

/**
 * The name of the lane the map draws the box `node` in: the lane whose rectangle holds
 * the box's centre, named by the heading text drawn inside that rectangle.
 */
const LANE_OF = `
  const svg = document.querySelector('[data-testid="sop-map"] svg');
  const box = svg && svg.querySelector('g[data-node="' + arguments[0] + '"] rect');
  if (!box) return null;
  const centre = Number(box.getAttribute('x')) + Number(box.getAttribute('width')) / 2;
  const rects = [...svg.querySelectorAll('g.lanes rect')].filter((r) => r.getAttribute('y') === '0');
  const lane = rects.find((r) => {
    const x = Number(r.getAttribute('x'));
    return centre >= x && centre <= x + Number(r.getAttribute('width'));
  });
  if (!lane) return null;
  const left = Number(lane.getAttribute('x'));
  const right = left + Number(lane.getAttribute('width'));
  return [...svg.querySelectorAll('g.lanes text')]
    .filter((t) => Number(t.getAttribute('x')) > left && Number(t.getAttribute('x')) < right)
    .map((t) => t.textContent.trim())
    .join(' ');
`;

async function showMap(session) {
  await session.execute(`[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Map').click();`);
  await session.waitFind('[data-testid="sop-map"] svg g[data-node="step-3"]');
}

async function showList(session) {
  await session.execute(`[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'List').click();`);
  await session.waitFind('[aria-label="Step 3 role"]');
}

for (const theme of ['light', 'dark']) {
  describe(`the SOP map in ${theme}`, { concurrency: false }, () => {
    const { database, sop } = sampleClinic(theme);
    const env = { ROLLPLAN_DB: database, ...(theme === 'dark' ? { GTK_THEME: 'Adwaita:dark' } : {}) };
    const app = useApp(env, workDir);

    it("moves a step's box to the lane of the role it is given", async () => {
      const session = await app.launch();
      await resizePage(session, 1280, 720);

      await app.step(`open the map (${theme})`, async () => {
        await session.execute('window.location.hash = arguments[0];', [`#/sops/${sop.id}`]);
        await session.waitFind('#sop-versions-title');
        await showMap(session);
        assert.equal(
          await session.execute(LANE_OF, ['step-3']),
          'Referral coordinator',
          'step 3 (record the authorization number) starts in the referral coordinator lane',
        );
        assert.equal(await session.execute(LANE_OF, ['step-1']), 'Scheduler', 'step 1 is drawn in the scheduler lane');
        const figures = await session.waitForText('[data-testid="sop-map-figures"]', '3 steps');
        assert.match(await figures.property('textContent'), /1 hand-off between lanes/, 'the map counts one hand-off before the edit');
        await session.execute(`document.querySelector('[data-testid="sop-map-figures"]').scrollIntoView({ block: 'start' });`);
        await painted(session);
        await photograph(session, join(shots, `sop-map-before-1280x720-${theme}.png`));
      });

      await app.step(`give step 3 to the scheduler (${theme})`, async () => {
        await showList(session);
        const role = await session.find('[aria-label="Step 3 role"]');
        await role.erase();
        await role.type('Scheduler');
        await session.waitFind('[data-save-status="saved"]');
      });

      await app.step(`see the box move lanes (${theme})`, async () => {
        await showMap(session);
        await waitFor('step 3 to be drawn in the scheduler lane', async () =>
          (await session.execute(LANE_OF, ['step-3'])) === 'Scheduler',
        );
        const figures = await session.waitForText('[data-testid="sop-map-figures"]', '2 hand-offs');
        assert.match(
          await figures.property('textContent'),
          /2 hand-offs between lanes/,
          'scheduler → coordinator → scheduler is two hand-offs, counted again after the edit',
        );
        await session.execute(`document.querySelector('[data-testid="sop-map-figures"]').scrollIntoView({ block: 'start' });`);
        await painted(session);
        await photograph(session, join(shots, `sop-map-after-1280x720-${theme}.png`));
      });

      await app.step(`the escalation table, filtered by role (${theme})`, async () => {
        await session.execute('window.location.hash = arguments[0];', ['#/sops']);
        await (await session.waitForText('main a.button', 'Escalation paths')).click();
        const summary = await session.waitForText('[data-testid="escalation-summary"]', 'exceptions across');
        const all = await session.execute(`return document.querySelectorAll('table[aria-label="Escalation paths"] tbody tr').length;`);
        assert.ok(all > 1, 'every exception of the sample clinic is listed');
        assert.match(await summary.property('textContent'), new RegExp(`^${all} exceptions across`), 'the summary counts the rows shown');
        await session.execute(`
          const select = document.querySelector('select[aria-label="Filter by role"]');
          select.value = 'Charge nurse';
          select.dispatchEvent(new Event('change', { bubbles: true }));
        `);
        await session.waitForText('[data-testid="escalation-summary"]', 'role: Charge nurse');
        const targets = await session.execute(
          `return [...document.querySelectorAll('table[aria-label="Escalation paths"] tbody tr')].map((r) => r.children[4].textContent.trim() + '|' + r.children[1].textContent);`,
        );
        assert.ok(targets.length > 0 && targets.length < all, `the filter keeps the charge nurse's rows only: ${targets}`);
        for (const target of targets) {
          assert.match(target, /Charge nurse/, 'each row is escalated to the charge nurse or is a step of theirs');
        }
        await painted(session);
        await photograph(session, join(shots, `escalations-1280x720-${theme}.png`));
        console.log(`screenshots: ${shots}`);
      });
      await app.quit();
    });
  });
}
