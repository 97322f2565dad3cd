// End to end: the real Rollplan binary under Xvfb, driven like a person would use it.
// Run by scripts/test-all.sh, which builds the app and sets ROLLPLAN_APP and ROLLPLAN_CLI.
import assert from 'node:assert/strict';
import { openTask, rowShown } from './grid.mjs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { cliBinary, useApp } from './harness.mjs';
import { Keys, waitFor } from './webdriver.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'rollplan-e2e-'));

/** Runs rollplan-cli on `database`; its JSON answer when `--json` is among the args. */
function cli(database, ...args) {
  const out = execFileSync(cliBinary, ['--db', database, ...args], { encoding: 'utf8' });
  return args.includes('--json') ? JSON.parse(out) : out;
}

/** Two staff members of Riverside, as the roster import of an earlier week left them. */
function riversideRoster() {
  const roster = join(workDir, 'riverside.csv');
  writeFileSync(
    roster,
    'First Name,Last Name,Job Title,Department,Email\n' +
      'Grace,Kim,Registered nurse (RN),Riverside,grace@riverside.org\n' +
      'Luis,Ortega,Medical assistant (MA),Riverside,luis@riverside.org\n',
  );
  return roster;
}

/**
 * A database of the test's own, holding what the test starts from (put there through
 * the CLI, as earlier work would have left it): no test depends on another's data.
 */
function ownDatabase(name, { rollout, roster = false } = {}) {
  const database = join(workDir, `${name}.db`);
  if (roster) cli(database, 'import', 'roster', riversideRoster());
  if (rollout) cli(database, 'rollouts', 'create', '--name', rollout);
  return { database, env: { ROLLPLAN_DB: database } };
}

describe('Rollplan desktop app', { concurrency: false }, () => {
  const app = useApp({}, workDir);

  it('creates a rollout, keeps its edits across a restart, and the CLI sees them', async () => {
    const { database, env } = ownDatabase('create');
    let session = await app.launch(env);
    await app.step('create', async () => {
      const start = await session.waitForText('button', 'Create your first rollout');
      await start.click();
      const name = await session.waitFind('#new-name');
      await name.type('Patient portal sign-up at check-in');
      await (await session.find('dialog button[type="submit"]')).click();
      await waitFor('the new rollout page', async () =>
        (await (await session.find('#rollout-name')).property('value')) === 'Patient portal sign-up at check-in',
      );
    });

    await app.step('edit', async () => {
      await (await session.find('#rollout-owner')).type('Dana Whitfield');
      await (await session.find('#rollout-goal')).type('Half of seen patients with an active portal account.');
      await session.waitFind('[data-save-status="saved"]');
      await session.waitForText('#history-title + ol li', 'Dana Whitfield');
    });

    await app.quit();
    session = await app.launch(env);

    await app.step('reopen', async () => {
      const link = await session.waitForText('.sidebar a', 'Patient portal sign-up at check-in');
      await link.click();
      await waitFor('the saved owner', async () =>
        (await (await session.find('#rollout-owner')).property('value')) === 'Dana Whitfield',
      );
      const goal = await (await session.find('#rollout-goal')).property('value');
      assert.equal(goal, 'Half of seen patients with an active portal account.', 'the goal survived the restart');
    });
    await app.quit();

    const listed = cli(database, 'rollouts', 'list', '--json');
    assert.equal(listed.length, 1, 'the CLI sees the one rollout the app wrote');
    assert.equal(listed[0].owner, 'Dana Whitfield');
  });

  it('shows a validation error next to its field and saves nothing wrong', async () => {
    const { database, env } = ownDatabase('validation', { rollout: 'Patient portal sign-up at check-in' });
    const session = await app.launch(env);
    await app.step('validation', async () => {
      await (await session.waitForText('.sidebar a', 'Patient portal')).click();
      const name = await session.waitFind('#rollout-name');
      await waitFor('the rollout to load', async () => (await name.property('value')) !== '');
      await name.erase();
      const message = await session.waitFind('#rollout-name-error');
      assert.equal(await message.text(), 'Give the rollout a name.');
      assert.equal(await name.property('ariaInvalid'), 'true', 'the field is marked invalid for screen readers');
      await session.waitFind('[data-save-status="error"]');

      // Another edit made while the name is refused is still saved.
      const owner = await session.find('#rollout-owner');
      await owner.erase();
      await owner.type('Priya Nair');
      await session.waitForText('#history-title + ol li', 'Priya Nair');
      assert.ok(await session.find('#rollout-name-error'), 'the name stays flagged until it is fixed');

      await name.type('Portal sign-up');
      await session.waitFind('[data-save-status="saved"]');
      await waitFor('the error to clear', async () => (await session.findAll('#rollout-name-error')).length === 0);
    });
    await app.quit();

    const listed = cli(database, 'rollouts', 'list', '--json');
    assert.equal(listed[0].name, 'Portal sign-up', 'only the valid name was ever stored');
    assert.equal(listed[0].owner, 'Priya Nair', 'the edit made beside the refused field was kept');
  });

  it('writes an edit typed just before the window is closed', async () => {
    const { database, env } = ownDatabase('close', { rollout: 'Portal sign-up' });
    const session = await app.launch(env);
    await app.step('close', async () => {
      await (await session.waitForText('.sidebar a', 'Portal sign-up')).click();
      const sponsor = await session.waitFind('#rollout-sponsor');
      await sponsor.type('Dr. Amara Okafor');
      // Close at once, well inside the autosave's quiet period, as a person clicking ×.
      execFileSync('/usr/bin/python3', [fileURLToPath(new URL('close_window.py', import.meta.url)), 'Rollplan']);
    });
    await waitFor('the edit to reach the database', () => {
      const listed = cli(database, 'rollouts', 'list', '--json');
      return listed[0]?.sponsor === 'Dr. Amara Okafor';
    });
  });

  it('imports a roster, then edits and deactivates a person', async () => {
    const { database, env } = ownDatabase('roster');
    const roster = join(workDir, 'staff.csv');
    writeFileSync(
      roster,
      'First Name,Last Name,Job Title,Department,Email\n' +
        'Grace,Kim,Registered nurse (RN),Riverside,grace@riverside.org\n' +
        'Luis,Ortega,Medical assistant (MA),Riverside,luis@riverside.org\n' +
        'Bad,Row,Front desk,Riverside,not-an-email\n',
    );
    const session = await app.launch(env);
    await app.step('import', async () => {
      await (await session.waitForText('.sidebar a', 'People')).click();
      await (await session.waitForText('button', 'Import roster')).click();
      await (await session.waitFind('#roster-file')).type(roster);
      await session.waitForText('[role="status"]', '2 to add');
      await session.waitForText('td', "'not-an-email' is not an email address");
      await (await session.waitForText('dialog button', 'Import 2 people, skip 1 rejected')).click();
      await session.waitForText('button.name', 'Luis Ortega');
    });

    await app.step('edit', async () => {
      await (await session.waitForText('button.name', 'Luis Ortega')).click();
      const email = await session.waitFind('#person-email');
      await email.erase();
      await email.type('luis at riverside');
      assert.match(await (await session.waitFind('#person-email-error')).text(), /not an email address/);
      await email.erase();
      await email.type('luis.ortega@riverside.org');
      await waitFor('the email error to clear', async () => (await session.findAll('#person-email-error')).length === 0);
      const active = (await session.findAll('.panel input[type="checkbox"]'))[1];
      await active.click();
      await session.waitForText('.panel .history li', 'active');
    });
    await app.quit();

    const people = cli(database, 'people', 'list', '--all', '--json');
    const luis = people.find((p) => p.name === 'Luis Ortega');
    assert.equal(people.length, 2, 'the rejected row was skipped');
    assert.equal(luis.email, 'luis.ortega@riverside.org');
    assert.equal(luis.active, false, 'deactivated, and still in the directory');
  });

  it('requires training for a role and sees completion change', async () => {
    const { env } = ownDatabase('training', { rollout: 'Portal sign-up', roster: true });
    const session = await app.launch(env);
    await app.step('module', async () => {
      await (await session.waitForText('.sidebar a', 'Training')).click();
      await (await session.waitForText('[role="tab"]', 'Modules')).click();
      await (await session.waitFind('#module-title')).type('Portal sign-up at check-in');
      await (await session.waitForText('button', 'Add module')).click();
      await session.waitForText('.list li', 'Portal sign-up at check-in');
    });

    await app.step('requirement', async () => {
      await (await session.waitForText('.sidebar a', 'Portal sign-up')).click();
      await (await session.waitForText('.tabs a', 'Readiness')).click();
      await session.waitFind('#requirement-role');
      await session.execute(
        `const pick = (id, text) => { const s = document.getElementById(id);
           s.value = [...s.options].find((o) => o.text === text).value;
           s.dispatchEvent(new Event('change', { bubbles: true })); };
         pick('requirement-role', 'Registered nurse (RN)');
         pick('requirement-module', 'Portal sign-up at check-in');`,
      );
      await (await session.find('#requirement-due')).type('1/15/2030');
      await (await session.waitForText('button', 'Require')).click();
      await session.waitForText('.completion li', '0 of 1 fully trained');
    });

    await app.step('complete', async () => {
      await (await session.waitForText('.sidebar a', 'Training')).click();
      const cell = await session.waitFind('button[aria-label="Grace Kim, Portal sign-up at check-in: Assigned"]');
      await cell.click();
      await session.execute(
        `const s = document.getElementById('record-status'); s.value = 'completed';
         s.dispatchEvent(new Event('change', { bubbles: true }));`,
      );
      await (await session.waitForText('dialog button', 'Save')).click();
      await session.waitFind('button[aria-label="Grace Kim, Portal sign-up at check-in: Completed"]');
      await (await session.waitForText('.sidebar a', 'Portal sign-up')).click();
      await (await session.waitForText('.tabs a', 'Readiness')).click();
      await session.waitForText('.completion li', '1 of 1 fully trained');
      await session.waitFind('[data-verdict="go"]');
    });

    await app.step('readiness', async () => {
      await (await session.waitFind('#criterion-title')).type('Tablets at check-in tested');
      await (await session.waitForText('.add label', 'Hard gate')).click();
      await (await session.waitForText('.readiness button', 'Add')).click();
      await session.waitFind('[data-verdict="no_go"]');
      await session.waitForText('.reasons li', 'Hard gate not met: Tablets at check-in tested');
      await session.execute(
        `const s = document.querySelector('select[aria-label="Status of Tablets at check-in tested"]');
         s.value = 'met'; s.dispatchEvent(new Event('change', { bubbles: true }));`,
      );
      await session.waitFind('[data-verdict="go"]');
    });
  });

  it('starts a rollout from the EHR template, meets its readiness gates and draws a new dependency', async () => {
    const { env } = ownDatabase('template', { rollout: 'Portal sign-up', roster: true });
    const session = await app.launch(env);
    const setValue = (css, value, event = 'input') =>
      session.execute(
        `const el = document.querySelector(arguments[0]); el.value = arguments[1];
         el.dispatchEvent(new Event(arguments[2], { bubbles: true }));`,
        [css, value, event],
      );

    await app.step('from template', async () => {
      await (await session.waitFind('.sidebar button[aria-label="New rollout"]')).click();
      await (await session.waitFind('#new-name')).type('Dermatology EHR go-live');
      await session.waitForText('#new-template option', 'EHR');
      await setValue('#new-template', 'ehr-go-live', 'change');
      await (await session.find('#new-go-live')).type('6/1/2027');
      await (await session.find('dialog button[type="submit"]')).click();
      await session.waitForText('.tabs a', 'Plan');
      await (await session.waitForText('.tabs a', 'Plan')).click();
      const summary = await session.waitForText('[data-testid="plan-summary"]', 'tasks and milestones');
      assert.match(await summary.property('textContent'), /Critical path to/);
    });

    await app.step('readiness', async () => {
      await (await session.waitForText('.tabs a', 'Readiness')).click();
      await session.waitFind('[data-verdict="no_go"]');
      // Every criterion the template brought is marked met, one select at a time.
      const count = await session.execute(`return document.querySelectorAll('select[aria-label^="Status of "]').length;`);
      assert.ok(count >= 5, `the template brings a readiness checklist (found ${count})`);
      for (let i = 0; i < count; i++) {
        await session.execute(
          `const s = document.querySelectorAll('select[aria-label^="Status of "]')[arguments[0]];
           s.value = 'met'; s.dispatchEvent(new Event('change', { bubbles: true }));`,
          [i],
        );
        await waitFor('the status to save', async () =>
          session.execute(`return document.querySelectorAll('select[aria-label^="Status of "]')[arguments[0]].value === 'met';`, [i]),
        );
      }
      await session.waitFind('[data-verdict="go"]', 20000);
    });

    await app.step('dependency', async () => {
      await (await session.waitForText('.tabs a', 'Plan')).click();
      await session.waitFind('#entry-title');
      const typeDate = async (label, text) => {
        const field = await session.find(`input[aria-label="${label}"]`);
        await field.erase();
        await field.type(text);
      };
      await typeDate('New task due', 'May 3 2027');
      await (await session.find('#entry-title')).type(`Order label printers${Keys.ENTER}`);
      await rowShown(session, 'Order label printers');
      await typeDate('New task start', '5/4/2027');
      await typeDate('New task due', '2027-05-05');
      await (await session.find('#entry-title')).type(`Test label printers${Keys.ENTER}`);
      await openTask(session, 'Test label printers');
      await session.waitForText('dialog option', 'Order label printers');
      await session.execute(
        `const s = document.querySelector('#link-new-task');
         s.value = [...s.options].find((o) => o.text === 'Order label printers').value;
         s.dispatchEvent(new Event('change', { bubbles: true }));`,
      );
      // The dialog scrolls under its sticky buttons: bring the button into view first.
      const add = await session.waitForText('dialog button', 'Add dependency');
      await session.execute(`arguments[0].scrollIntoView({ block: 'center' });`, [{ 'element-6066-11e4-a52e-4f735466cecf': add.id }]);
      await add.click();
      await session.waitFind('dialog li[data-link-to="Order label printers"]');
      await (await session.waitForText('dialog button', 'Cancel')).click();
      await (await session.waitForText('.plan button', 'Timeline')).click();
      await session.waitFind('[data-testid="timeline"]');
      await session.execute(
        `document.querySelector('[data-testid="timeline"]').scrollTop = 1e6;`,
      );
      await session.waitFind('[data-arrow="Order label printers → Test label printers"]');
    });

    await app.step('risk', async () => {
      await (await session.waitForText('.tabs a', 'Risks')).click();
      await (await session.waitForText('.risks button', 'Add risk')).click();
      await (await session.waitFind('#risk-title')).type('Label printers arrive late');
      const likelihood = await session.find('#risk-likelihood');
      await likelihood.erase();
      await likelihood.type('7');
      await (await session.waitForText('dialog button', 'Add risk')).click();
      const refusal = await session.waitFind('#risk-likelihood-error');
      assert.match(await refusal.text(), /1 \(rare\) to 5/, 'a likelihood of 7 is refused at the field');
      await likelihood.erase();
      await likelihood.type('4');
      await (await session.waitForText('dialog button', 'Add risk')).click();
      await session.waitForText('.risks .title', 'Label printers arrive late');
    });
    await app.quit();
  });

  it('defines a metric with thresholds, records four weeks and sees its status and chart change', async () => {
    const { env } = ownDatabase('metric', { rollout: 'Portal sign-up' });
    const session = await app.launch(env);

    await app.step('define', async () => {
      await (await session.waitForText('.sidebar a', 'Portal sign-up')).click();
      await (await session.waitForText('.tabs a', 'Metrics')).click();
      await (await session.waitForText('.metrics button', 'Add metric')).click();
      await (await session.waitFind('#metric-name')).type('Portal activation');
      await (await session.find('#metric-definition')).type('Seen patients with an active portal account');
      await (await session.find('#metric-baseline')).type('20');
      await (await session.find('#metric-baseline-date')).type('1/5/2026');
      await (await session.find('#metric-target')).type('60');
      await (await session.find('#metric-target-date')).type('Mar 2 2026');
      await (await session.waitForText('dialog button', 'Add metric')).click();
      await (await session.waitForText('.tile', 'Portal activation')).click();
      await session.waitFind('[data-testid="metric-detail"]');
    });

    await app.step('thresholds', async () => {
      await (await session.find('input[aria-label="watch level"]')).type('35');
      await (await session.find('input[aria-label="watch action"]')).type('Super-users run a sign-up drive at check-in');
      await (await session.waitForText('.level.watch button', 'Save')).click();
      await session.waitForText('[role="status"]', 'Saved the watch level');
      await (await session.find('input[aria-label="act level"]')).type('25');
      await (await session.find('input[aria-label="act action"]')).type('Front-desk lead rewrites the check-in script');
      await (await session.waitForText('.level.act button', 'Save')).click();
      await session.waitForText('[role="status"]', 'Saved the act level');
    });

    // Dates typed the way people write them.
    const record = async (date, value) => {
      const day = await session.find('input[aria-label="Date of the value"]');
      await day.erase();
      await day.type(date);
      await (await session.find('input[aria-label="Value"]')).type(value);
      await (await session.waitForText('.record button', 'Record')).click();
      await waitFor(`the value of ${date}`, async () =>
        session.execute(`return [...document.querySelectorAll('.values td')].some((td) => td.textContent.includes(arguments[0]));`, [
          `${value}%`,
        ]),
      );
    };

    await app.step('three good weeks', async () => {
      await record('jan 12 2026', '28');
      await record('1/19/2026', '33');
      await record('26 Jan 2026', '38');
      await session.waitForText('.tile', 'On track');
      const dots = await session.execute(`return document.querySelectorAll('[data-testid="metric-detail"] circle').length;`);
      assert.equal(dots, 3, 'the chart shows the three values');
    });

    await app.step('a bad week', async () => {
      await record('2026-02-02', '24');
      await session.waitForText('.tile', 'Act');
      const reason = await session.waitForText('[data-testid="metric-detail"] .reason', 'act level');
      assert.match(await reason.property('textContent'), /Front-desk lead rewrites the check-in script/);
      const dots = await session.execute(`return document.querySelectorAll('[data-testid="metric-detail"] circle').length;`);
      assert.equal(dots, 4, 'the chart gained the new value');
    });
    await app.quit();
  });

  it('writes an SOP, approves it, edits it into version 2 and shows what changed', async () => {
    const { database, env } = ownDatabase('sop');
    const session = await app.launch(env);
    const valueOf = async (css) => (await session.find(css)).property('value');

    await app.step('create', async () => {
      await (await session.waitForText('.sidebar a', 'SOP library')).click();
      await (await session.waitForText('button', 'Write the first SOP')).click();
      await (await session.waitFind('#new-sop-code')).type('FD-020');
      await (await session.find('#new-sop-title-input')).type('Portal sign-up at check-in');
      await (await session.find('dialog button[type="submit"]')).click();
      await waitFor('the new SOP page', async () => (await valueOf('#sop-code').catch(() => '')) === 'FD-020');
    });

    await app.step('steps', async () => {
      await (await session.find('#new-step-role')).type('Front desk');
      const instruction = await session.find('#new-step-instruction');
      await instruction.type(`Offer the portal sign-up card${Keys.ENTER}`);
      await instruction.type(`Send the sign-up link by text${Keys.ENTER}`);
      await session.waitFind('[aria-label="Step 2 instruction"]');
      // Alt+Up on the second step makes it the first, as a keyboard user would.
      await (await session.find('[aria-label="Step 2 instruction"]')).type(`${Keys.ALT}${Keys.ARROW_UP}${Keys.NULL}`);
      await waitFor('the steps to swap', async () =>
        (await valueOf('[aria-label="Step 1 instruction"]')) === 'Send the sign-up link by text',
      );
    });

    await app.step('exception', async () => {
      await (await session.waitForText('button', 'Add exception')).click();
      await (await session.waitFind('[aria-label="Exception 1 trigger"]')).type('Patient has no mobile phone');
      await (await session.find('[aria-label="Exception 1 action"]')).type('Print the sign-up instructions');
      await session.waitFind('[data-save-status="saved"]');
    });

    await app.step('approve', async () => {
      await (await session.waitForText('button', 'Approve…')).click();
      await (await session.waitFind('#approve-by')).type('Dr. Amara Okafor');
      await (await session.waitForText('dialog button', 'Approve')).click();
      await session.waitForText('.meta', 'Version 1 in force since');
      await session.waitForText('#history-title + ol li', 'Approved');
    });

    await app.step('second version', async () => {
      const first = await session.find('[aria-label="Step 1 instruction"]');
      await first.erase();
      await first.type('Send the sign-up link by text message and confirm it arrived');
      await session.waitForText('.toast, [role="status"]', 'Version 2 started as a draft');
      await session.waitFind('[data-save-status="saved"]');
      const diff = await session.waitForText('[data-testid="sop-diff"]', 'Edited');
      const text = await diff.property('textContent');
      assert.match(text, /Send the sign-up link by text message and confirm it arrived/);
      assert.match(text, /Status\s*Approved\s*Draft/, 'the status change is listed with both values');
    });

    await app.step('search', async () => {
      await (await session.find('.crumbs a')).click();
      await (await session.waitFind('input[type="search"]')).type('mobile');
      const mark = await session.waitForText('[data-testid="snippet"] mark', 'mobile');
      assert.ok(mark, 'the matched word is highlighted');
    });
    await app.quit();

    const inForce = cli(database, 'sops', 'in-force', 'FD-020', '--json');
    assert.equal(inForce.version, 1, 'version 1 stays in force while version 2 is a draft');
    assert.equal(inForce.approved_by, 'Dr. Amara Okafor');
    assert.equal(inForce.snapshot.steps[0].instruction, 'Send the sign-up link by text');
    assert.equal(inForce.snapshot.exceptions[0].trigger, 'Patient has no mobile phone');
  });
});

describe('Choosing where the data lives', { concurrency: false }, () => {
  // No ROLLPLAN_DB here: the app uses its standard location under these folders, and the
  // file chosen in Settings from the next start.
  const home = mkdtempSync(join(tmpdir(), 'rollplan-e2e-home-'));
  const app = useApp(
    {
      ROLLPLAN_DB: '',
      XDG_DATA_HOME: join(home, 'data'),
      XDG_CONFIG_HOME: join(home, 'config'),
    },
    workDir,
  );
  const chosenFolder = join(home, 'shared-drive');
  const chosen = join(chosenFolder, 'clinic-rollouts.db');

  async function openSettings(session) {
    await (await session.waitForText('.sidebar a', 'Settings')).click();
    return session.waitFind('#database-path');
  }

  it('uses the file chosen in Settings after a restart', async () => {
    mkdirSync(chosenFolder);
    let session = await app.launch();
    await app.step('standard-location', async () => {
      const path = await openSettings(session);
      assert.equal(
        await path.property('textContent'),
        join(home, 'data', 'app.rollplan.desktop', 'rollplan.db'),
        'a new install keeps its data in the platform data folder',
      );
      const field = await session.find('#database-choice');
      await field.type('clinic-rollouts.db');
      await (await session.waitForText('button', 'Use this file')).click();
      const refusal = await session.waitFind('#database-choice-error');
      assert.match(await refusal.text(), /full path/, 'a relative path is refused at the field');

      await field.erase();
      await field.type(chosen);
      await (await session.waitForText('button', 'Use this file')).click();
      await session.waitForText('[role="status"]', 'From the next start Rollplan will use');
    });
    await app.quit();

    session = await app.launch();
    await app.step('chosen-location', async () => {
      const path = await openSettings(session);
      assert.equal(await path.property('textContent'), chosen, 'the chosen file is in use after the restart');
      await session.waitForText('dd', 'Chosen here in Settings.');
    });
    await app.quit();
    assert.ok(existsSync(chosen), 'the chosen database file was created');
  });
});
