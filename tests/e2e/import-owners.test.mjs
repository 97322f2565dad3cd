// End to end: a vendor's plan naming someone not in People and a name two people share,
// imported in the app. A file with bad rows lists them all first; then each owner name is
// settled once (the vendor added as an external person, a namesake picked, a provider the
// vendor wrote without credentials picked), the tasks
// land with their owners, and the vendor shows on People as external and nowhere in
// training. With ROLLPLAN_SCREENSHOTS set, the dialog is photographed at a laptop's and
// a full HD window, in the theme GTK_THEME gives.
import assert from 'node:assert/strict';
import { cellOf } from './grid.mjs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliBinary, photographSizes, useApp } from './harness.mjs';
import { waitFor } from './webdriver.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'rollplan-owners-'));
const database = join(workDir, 'rollplan.db');

const cli = (...args) => execFileSync(cliBinary, ['--db', database, ...args], { encoding: 'utf8' });
cli('demo');
const ehr = JSON.parse(cli('rollouts', 'list', '--json')).find((r) => r.kind === 'ehr_go_live');
assert.ok(ehr, 'the sample clinic has an EHR go-live');

// Two front-desk colleagues called Sam Lee, told apart by site and email.
const roster = join(workDir, 'namesakes.csv');
writeFileSync(
  roster,
  'Name,Role,Department,Email\n' +
    'Sam Lee,Front desk,Riverside Family Medicine,sam.lee@riversidefh.org\n' +
    'Sam Lee,Front desk,Northgate Pediatrics,samuel.lee@riversidefh.org\n',
);
cli('import', 'roster', roster);

const plan = join(workDir, 'scribe-vendor.csv');
writeFileSync(
  plan,
  'Task Name,Resource Names,Start,Finish\n' +
    'Configure scribe templates,Morgan Vance,2026-12-01,2026-12-04\n' +
    'Scribe pilot at the front desk,Sam Lee,2026-12-07,2026-12-11\n' +
    'Scribe go-live support,Morgan Vance[50%],2026-12-14,2026-12-18\n' +
    // The sample clinic's "Jordan Blake, NP", as a vendor writes the name.
    'Scribe note sign-off by providers,Jordan Blake,2026-12-21,2026-12-22\n',
);
// The same plan as it first arrived: dates a spreadsheet mangled and a missing title.
const broken = join(workDir, 'scribe-vendor-first-try.csv');
writeFileSync(
  broken,
  'Task Name,Resource Names,Start,Finish\n' +
    'Configure scribe templates,Morgan Vance,46082,2026-12-04\n' +
    ',Sam Lee,2026-12-07,2026-12-11\n' +
    'Scribe go-live support,Morgan Vance,2026-12-14,13/31/2026\n',
);

describe('importing a plan with owners to settle', { concurrency: false }, () => {
  const app = useApp({ ROLLPLAN_DB: database }, workDir);

  it('lists every bad row, settles each owner once, and keeps the vendor out of training', async () => {
    const session = await app.launch();
    const choose = (name, value) =>
      session.execute(
        `const s = document.getElementById(arguments[0]); s.value = arguments[1];
         s.dispatchEvent(new Event('change', { bubbles: true }));`,
        [`owner-${name.replace(/\W+/g, '-')}`, value],
      );
    const importButton = () => session.find('dialog button[type="submit"]');

    await app.step('open the import', async () => {
      await session.execute('window.location.hash = arguments[0];', [`#/rollouts/${ehr.id}/plan`]);
      await (await session.waitForText('button', 'Import plan…')).click();
      await session.waitFind('dialog input[type="file"]');
    });

    await app.step('every problem at once', async () => {
      await (await session.find('dialog input[type="file"]')).type(broken);
      await session.waitForText('dialog .problems', '3 things need fixing');
      const listed = await session.execute(
        `return [...document.querySelectorAll('dialog .problems li')].map((li) => li.textContent.replace(/\\s+/g, ' ').trim());`,
      );
      assert.equal(listed.length, 3, `every bad row is listed, not the first: ${listed.join(' | ')}`);
      assert.match(listed[0], /Row 2 · Start.*Excel serial date/, 'the row, the column and what is wrong');
      assert.ok(listed.some((l) => /Row 3 · Task Name.*no title/.test(l)), listed.join(' | '));
      assert.ok(listed.some((l) => /Row 4 · Finish.*13\/31\/2026/.test(l)), listed.join(' | '));
      assert.equal(await (await importButton()).property('disabled'), true, 'a file with problems cannot be imported');
      await photographSizes(session, 'import-problems');
    });

    await app.step('owners to settle', async () => {
      await (await session.find('dialog input[type="file"]')).type(plan);
      const owners = await session.waitForText('dialog .owners', 'Morgan Vance');
      const text = (await owners.property('textContent')).replace(/\s+/g, ' ');
      assert.match(text, /Morgan Vance 2 tasks \(rows 2, 4\) · not in People/, 'each name once, with its tasks');
      assert.match(text, /Sam Lee 1 task \(row 3\) · 2 people have this name/);
      assert.match(text, /Jordan Blake 1 task \(row 5\) · not in People by this name; a similar name is/);
      assert.equal(await (await importButton()).property('disabled'), true, 'Import waits for a choice for every name');
      const namesakes = await session.execute(
        `return [...document.getElementById('owner-Sam-Lee').options].map((o) => o.text);`,
      );
      assert.ok(
        namesakes.includes('Sam Lee · Front desk · Northgate Pediatrics · samuel.lee@riversidefh.org'),
        `the namesakes with role, department and email: ${namesakes.join(' | ')}`,
      );
      const northgate = await session.execute(
        `return [...document.getElementById('owner-Sam-Lee').options].find((o) => o.text.includes('Northgate')).value;`,
      );
      const provider = await session.execute(
        `return [...document.getElementById('owner-Jordan-Blake').options].find((o) => o.text.startsWith('Jordan Blake, NP')).value;`,
      );
      await choose('Morgan Vance', 'add');
      await choose('Sam Lee', northgate);
      await choose('Jordan Blake', provider);
      await session.waitForText('dialog [role="status"]', 'adds 1 external person to People');
      await waitFor('Import to be enabled', async () => (await (await importButton()).property('disabled')) === false);
      await photographSizes(session, 'import-owners');
      await (await importButton()).click();
    });

    await app.step('tasks with their owners', async () => {
      await waitFor('the dialog to close', async () => (await session.findAll('dialog[open]')).length === 0);
      // The imported tasks come last in the plan: the grid draws them once scrolled to.
      assert.equal(await cellOf(session, 'Configure scribe templates', 'owner'), 'Morgan Vance', 'the vendor owns their task');
      assert.equal(await cellOf(session, 'Scribe pilot at the front desk', 'owner'), 'Sam Lee', 'the namesake chosen owns theirs');
      assert.equal(await cellOf(session, 'Scribe note sign-off by providers', 'owner'), 'Jordan Blake, NP', 'the provider the vendor meant');
    });

    await app.step('external on People', async () => {
      await (await session.waitForText('.sidebar a', 'People')).click();
      const row = await session.waitForText('tbody tr', 'Morgan Vance');
      assert.match(await row.property('textContent'), /External/, 'the vendor is marked external');
      await session.execute(
        `const s = document.querySelector('select[aria-label="Staff or external"]'); s.value = 'external';
         s.dispatchEvent(new Event('change', { bubbles: true }));`,
      );
      await waitFor('only external people listed', async () => {
        const names = await session.execute(`return [...document.querySelectorAll('tbody tr .name')].map((b) => b.textContent);`);
        return names.length === 1 && names[0] === 'Morgan Vance';
      });
      await photographSizes(session, 'people-external');
    });

    await app.step('not in training', async () => {
      await (await session.waitForText('.sidebar a', 'Training')).click();
      await session.waitFind('button[aria-label*=": "]');
      const names = await session.execute(
        `return [...document.querySelectorAll('tbody tr')].map((tr) => tr.textContent);`,
      );
      assert.ok(names.length > 0, 'the matrix lists the staff in training');
      assert.ok(!names.some((n) => n.includes('Morgan Vance')), 'an external person is not in the training matrix');
    });

    const people = JSON.parse(cli('people', 'list', '--json'));
    const vendor = people.find((p) => p.name === 'Morgan Vance');
    assert.ok(vendor?.external && vendor.role_id === null, 'added once, external, without a role');
    const sams = people.filter((p) => p.name === 'Sam Lee');
    assert.equal(sams.length, 2, 'picking a namesake adds nobody');
  });
});
