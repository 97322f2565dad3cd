// End to end: a directory longer than a screen's worth. People draws its first 200 rows
// and says how many there are; "Show 200 more" adds the next ones; a search finds someone
// far down the list at once; an owner field offers only the names matching what is typed.
// With ROLLPLAN_SCREENSHOTS set, People is photographed at a laptop's and a full HD
// window, in the theme GTK_THEME gives.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliBinary, photographSizes, useApp } from './harness.mjs';
import { waitFor } from './webdriver.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'rollplan-long-lists-'));
const database = join(workDir, 'rollplan.db');
const cli = (...args) => execFileSync(cliBinary, ['--db', database, ...args], { encoding: 'utf8' });

// 450 front-desk staff, family names Staff001 … Staff450, so the directory's order (by
// family name) is their number's; and a second Alex Staff450 at another site, since two
// people may share a name (a plan's owner fields offer it once).
const PEOPLE = 451;
const roster = join(workDir, 'staff.csv');
const number = (i) => String(i).padStart(3, '0');
writeFileSync(
  roster,
  'Name,Role,Department,Email\n' +
    Array.from({ length: 450 }, (_, i) => `Alex Staff${number(i + 1)},Front desk,Riverside,alex${i + 1}@riverside.org`).join('\n') +
    '\nAlex Staff450,Front desk,Northgate,alex450@northgate.org\n',
);
cli('import', 'roster', roster);
const rollout = JSON.parse(cli('rollouts', 'create', '--name', 'Front desk scripts', '--go-live', '2027-03-01', '--json'));

const rowsShown = (session) => session.execute(`return document.querySelectorAll('.page table tbody tr').length;`);
const moreLine = (session) =>
  session.execute(`return document.querySelector('[data-testid="more-rows"]')?.textContent.replace(/\\s+/g, ' ').trim() ?? null;`);

describe('a directory longer than a screen', { concurrency: false }, () => {
  const app = useApp({ ROLLPLAN_DB: database }, workDir);

  it('draws the first rows, adds more on request, and the search reaches the rest', async () => {
    const session = await app.launch();

    await app.step('People opens on its first 200 rows', async () => {
      await session.execute(`window.location.hash = '#/people';`);
      await session.waitFind('[data-testid="more-rows"]');
      assert.equal(await rowsShown(session), 200, 'only the first 200 rows are drawn');
      assert.match(await moreLine(session), /Showing 200 of 451 people; the search finds the rest\. Show 200 more/);
      const last = await session.execute(`return [...document.querySelectorAll('.page table tbody tr')].at(-1).textContent;`);
      assert.match(last, /Alex Staff200/, 'in the directory’s order');
      await photographSizes(session, 'people-long');
      await session.execute(`document.querySelector('[data-testid="more-rows"]').scrollIntoView({ block: 'end' });`);
      await photographSizes(session, 'people-long-more');
    });

    await app.step('Show 200 more, then the last 51', async () => {
      await (await session.waitForText('[data-testid="more-rows"] button', 'Show 200 more')).click();
      await waitFor('400 rows', async () => (await rowsShown(session)) === 400);
      assert.match(await moreLine(session), /Showing 400 of 451 people.*Show 51 more/);
      await (await session.find('[data-testid="more-rows"] button')).click();
      await waitFor('every row', async () => (await rowsShown(session)) === PEOPLE);
      assert.equal(await moreLine(session), null, 'nothing more to show, nothing said');
    });

    await app.step('a search finds someone far down at once, and a new search starts from the top', async () => {
      const search = await session.find('input[aria-label="Search people"]');
      await search.type('Staff437');
      await waitFor('one match', async () => (await rowsShown(session)) === 1);
      assert.match(await session.execute(`return document.querySelector('.page table tbody tr').textContent;`), /Alex Staff437/);
      await session.execute(`const s = document.querySelector('input[aria-label="Search people"]'); s.value = 'Alex';
        s.dispatchEvent(new Event('input', { bubbles: true }));`);
      await waitFor('the first page again', async () => (await rowsShown(session)) === 200);
    });

    await app.step('the plan opens with two people of one name in the directory, and its owner field offers only the names matching what is typed', async () => {
      await session.execute(`window.location.hash = arguments[0];`, [`#/rollouts/${rollout.id}/plan`]);
      await session.waitFind('[data-testid="plan-summary"]');
      await session.waitFind('#entry-title');
      const offered = () => session.execute(`return [...document.querySelectorAll('#entry-owners option')].map((o) => o.value);`);
      // The suggestions follow the directory, which the plan tab may still be reading.
      await waitFor('nothing typed: the first 50 names, not all 451', async () => (await offered()).length === 50);
      await (await session.find('input[aria-label="New task owner"]')).type('staff43');
      await waitFor('the matching names', async () => (await offered()).length === 10);
      assert.deepEqual((await offered()).slice(0, 2), ['Alex Staff430', 'Alex Staff431']);
      await (await session.find('input[aria-label="New task owner"]')).erase();
      await (await session.find('input[aria-label="New task owner"]')).type('staff450');
      await waitFor('the shared name once', async () => (await offered()).length === 1);
    });
  });
});
