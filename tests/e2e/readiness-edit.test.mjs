// End to end: a go-live criterion edited field by field with its history, trash and
// undo; an SOP linked to a rollout by typing part of its title; an SOP's compare showing an inserted step as inserted; People by family name.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliBinary, useApp } from './harness.mjs';
import { Keys, waitFor } from './webdriver.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'rollplan-e2e-readiness-'));
const database = join(workDir, 'rollplan.db');
// The sample clinic: people, two rollouts, their criteria with owners and evidence.
execFileSync(cliBinary, ['--db', database, 'demo'], { encoding: 'utf8' });

const PRINTERS = 'Printers, scanners and signature pads tested in every room';
const RENAMED = 'Printers, scanners, signature pads and label printers tested in every room';

describe('Editing readiness, comparing SOP versions, the People order', { concurrency: false }, () => {
  const app = useApp({ ROLLPLAN_DB: database }, workDir);

  it('edits every field of a criterion, shows its history, and undoes its trashing', async () => {
    const session = await app.launch();
    const setValue = (css, value, event = 'change') =>
      session.execute(
        `const el = document.querySelector(arguments[0]); el.value = arguments[1];
         el.dispatchEvent(new Event(arguments[2], { bubbles: true }));`,
        [css, value, event],
      );
    const textOf = async (css) => (await session.find(css)).property('textContent');

    await app.step('open', async () => {
      await (await session.waitForText('.sidebar a', 'EHR go-live')).click();
      await (await session.waitForText('.tabs a', 'Readiness')).click();
      await (await session.waitFind(`button[aria-label="Edit ${PRINTERS}"]`)).click();
      await session.waitFind('#criterion-edit-title');
      assert.equal(
        await (await session.find('#criterion-edit-owner')).property('value'),
        'Luis Ortega',
        'the dialog opens with the criterion as it is',
      );
    });

    await app.step('a bad link is questioned at its field', async () => {
      await (await session.find('#criterion-edit-evidence-link')).type('intranet/printers');
      await session.waitForText('#criterion-edit-evidence-link-error', 'http:// or https://');
      await (await session.find('#criterion-edit-evidence-link')).erase();
    });

    await app.step('edit every field', async () => {
      const title = await session.find('#criterion-edit-title');
      await title.erase();
      await title.type(RENAMED);
      await setValue('#criterion-edit-category', 'support');
      await setValue('#criterion-edit-status', 'met');
      const owner = await session.find('#criterion-edit-owner');
      await owner.erase();
      await owner.type('Marcus Bell');
      await (await session.find('#criterion-edit-owner-role')).type('IT support lead');
      await (await session.find('#criterion-edit-hard-gate')).click();
      await (await session.find('#criterion-edit-evidence')).type('Every room checked with the vendor on Dec 2');
      await (await session.find('#criterion-edit-evidence-link')).type('https://intranet.riversidefamily.org/ehr/devices');
      await (await session.find('#criterion-edit-evidence-file')).type('Device checklist.xlsx');
      await (await session.waitForText('dialog button[type="submit"]', 'Save')).click();
      await waitFor('the dialog to close', async () => (await session.findAll('#criterion-edit-title')).length === 0);
    });

    await app.step('saved', async () => {
      await session.waitFind(`button[aria-label="Edit ${RENAMED}"]`);
      const group = await session.execute(
        `return document.querySelector('button[aria-label="Edit ' + arguments[0] + '"]').closest('.group').querySelector('h3').textContent;`,
        [RENAMED],
      );
      assert.equal(group, 'Support', 'the criterion moved to its new category');
      const row = await session.execute(
        `return [...document.querySelectorAll('.group li')].find((li) => li.textContent.includes(arguments[0]))?.textContent ?? '';`,
        [RENAMED],
      );
      assert.match(row, /Hard gate/, 'it is a hard gate now');
      assert.match(row, /Marcus Bell/, 'its owner is the person from the directory');
      assert.match(row, /Every room checked with the vendor on Dec 2/, 'the evidence note shows');
      assert.match(row, /https:\/\/intranet\.riversidefamily\.org\/ehr\/devices/, 'the evidence link shows');
      assert.match(row, /Device checklist\.xlsx/, 'the evidence file shows');
      const status = await session.execute(
        `return document.querySelector('select[aria-label="Status of ' + arguments[0] + '"]').value;`,
        [RENAMED],
      );
      assert.equal(status, 'met', 'the status saved');
    });

    await app.step('history', async () => {
      await (await session.find(`button[aria-label="Edit ${RENAMED}"]`)).click();
      await (await session.waitForText('dialog summary', 'History')).click();
      const entry = await session.waitForText('dialog .history li', 'Title:');
      const text = await entry.property('textContent');
      assert.match(text, new RegExp(`Title: ${PRINTERS} → ${RENAMED}`), 'the old and new title');
      assert.match(text, /Owner: Luis Ortega → Marcus Bell/, 'the old and new owner');
      assert.match(text, /Category: Technology → Support/, 'the old and new category');
      assert.match(text, /Evidence link: \(empty\) → https:\/\/intranet/, 'the new link');
      assert.match(text, /Hard gate: no → yes/, 'the hard gate');
    });

    await app.step('trash and undo', async () => {
      await (await session.waitForText('dialog button', 'Move to trash')).click();
      await session.waitForText('.toast', 'Removed the criterion');
      await waitFor('the criterion to leave the list', async () =>
        (await session.findAll(`button[aria-label="Edit ${RENAMED}"]`)).length === 0,
      );
      await (await session.waitForText('.toast button', 'Undo')).click();
      await session.waitFind(`button[aria-label="Edit ${RENAMED}"]`);
      assert.match(await textOf('.readiness'), /Device checklist\.xlsx/, 'it came back with its evidence');
    });
    await app.quit();
  });

  it('links an SOP found by typing part of its title, and unlinks it', async () => {
    const session = await app.launch();
    const linkedCodes = () =>
      session.execute(`return [...document.querySelectorAll('.sops li .code')].map((c) => c.textContent.trim());`);
    const offered = () =>
      session.execute(`return [...document.querySelectorAll('select[aria-label="SOP to link"] option')].map((o) => o.textContent.trim());`);

    await app.step('the SOPs of the rollout, and a field to find another', async () => {
      await (await session.waitForText('.sidebar a', 'EHR go-live')).click();
      await (await session.waitForText('.tabs a', 'Readiness')).click();
      await waitFor('the linked SOPs', async () => (await linkedCodes()).length === 3);
      assert.deepEqual(await offered(), ['Type to find an SOP'], 'nothing is listed before anything is typed');
    });

    await app.step('typing finds the SOPs not linked yet, and one is linked', async () => {
      const find = await session.find('input[aria-label="Find an SOP to link"]');
      await find.type('requests');
      // Prior authorization requests (CL-020) is linked already: only the other is offered.
      await waitFor('the matching SOP', async () => (await offered()).join('|') === 'CL-031 Prescription refill requests');
      await (await session.find('.sops button[type="submit"]')).click();
      await waitFor('the SOP linked', async () => (await linkedCodes()).includes('CL-031'));
      assert.equal(await (await session.find('input[aria-label="Find an SOP to link"]')).property('value'), '', 'the field is cleared');
      await (await session.find('input[aria-label="Find an SOP to link"]')).type('zzz');
      await waitFor('nothing matching said so', async () => (await offered()).join('|') === 'No SOP to link matches “zzz”');
    });

    await app.step('unlinked, and back with Undo', async () => {
      await (await session.find('button[aria-label="Unlink CL-031"]')).click();
      await waitFor('the SOP unlinked', async () => !(await linkedCodes()).includes('CL-031'));
      await (await session.waitForText('.toast button', 'Undo')).click();
      await waitFor('the SOP linked again', async () => (await linkedCodes()).includes('CL-031'));
    });
    await app.quit();
  });

  it('reports a step inserted into an approved SOP as inserted', async () => {
    const session = await app.launch();
    const valueOf = async (css) => (await session.find(css)).property('value');

    await app.step('write and approve', async () => {
      await (await session.waitForText('.sidebar a', 'SOP library')).click();
      await (await session.waitForText('button', 'New SOP')).click();
      await (await session.waitFind('#new-sop-code')).type('FD-090');
      await (await session.find('#new-sop-title-input')).type('Late arrivals');
      await (await session.find('dialog button[type="submit"]')).click();
      await waitFor('the new SOP page', async () => (await valueOf('#sop-code').catch(() => '')) === 'FD-090');
      await (await session.find('#new-step-role')).type('Front desk');
      const instruction = await session.find('#new-step-instruction');
      await instruction.type(`Note the arrival time${Keys.ENTER}`);
      await instruction.type(`Ask the provider whether the patient can still be seen${Keys.ENTER}`);
      await instruction.type(`Offer the next open slot${Keys.ENTER}`);
      await session.waitFind('[aria-label="Step 3 instruction"]');
      await session.waitFind('[data-save-status="saved"]');
      await (await session.waitForText('button', 'Approve…')).click();
      await (await session.waitFind('#approve-by')).type('Priya Nair');
      await (await session.waitForText('dialog button', 'Approve')).click();
      await session.waitForText('.meta', 'Version 1 in force since');
    });

    await app.step('insert a step', async () => {
      const instruction = await session.find('#new-step-instruction');
      await instruction.type(`Check whether the patient is more than 15 minutes late${Keys.ENTER}`);
      await session.waitFind('[aria-label="Step 4 instruction"]');
      // Moved up twice with the keyboard, it becomes step 2.
      await (await session.find('[aria-label="Step 4 instruction"]')).type(`${Keys.ALT}${Keys.ARROW_UP}${Keys.NULL}`);
      await waitFor('the step to move up', async () =>
        (await valueOf('[aria-label="Step 3 instruction"]')) === 'Check whether the patient is more than 15 minutes late',
      );
      await (await session.find('[aria-label="Step 3 instruction"]')).type(`${Keys.ALT}${Keys.ARROW_UP}${Keys.NULL}`);
      await waitFor('the step to become step 2', async () =>
        (await valueOf('[aria-label="Step 2 instruction"]')) === 'Check whether the patient is more than 15 minutes late',
      );
      await session.waitFind('[data-save-status="saved"]');
    });

    await app.step('compare', async () => {
      await session.waitForText('[data-testid="sop-diff"]', 'Inserted');
      const rows = await session.execute(
        `return [...document.querySelectorAll('[data-testid="sop-diff"] li[data-kind]')]
           .filter((li) => li.dataset.kind !== 'unchanged')
           .map((li) => li.dataset.kind + ' | ' + li.textContent.replace(/\\s+/g, ' ').trim());`,
      );
      assert.equal(rows.length, 1, `only the inserted step differs: ${JSON.stringify(rows)}`);
      assert.match(rows[0], /^added \| Inserted step 2 Front desk: Check whether the patient is more than 15 minutes late/);
    });
    await app.quit();
  });

  it('lists People by family name, whatever the title', async () => {
    const session = await app.launch();
    await app.step('people', async () => {
      await (await session.waitForText('.sidebar a', 'People')).click();
      await session.waitForText('button.name', 'Dr. Amara Okafor');
      const names = await session.execute(`return [...document.querySelectorAll('button.name')].map((b) => b.textContent.trim());`);
      const at = (name) => {
        const index = names.indexOf(name);
        assert.ok(index >= 0, `${name} is listed: ${names.join(', ')}`);
        return index;
      };
      assert.ok(at('Marcus Bell') < at('Priya Nair'), 'Bell before Nair');
      assert.ok(at('Priya Nair') < at('Dr. Amara Okafor'), 'Nair before Okafor: the title does not file her under D');
      assert.ok(at('Dr. Amara Okafor') < at('Luis Ortega'), 'Okafor before Ortega');
      assert.ok(at('Luis Ortega') < at('Dana Whitfield'), 'Ortega before Whitfield');
    });
    await app.quit();
  });
});
