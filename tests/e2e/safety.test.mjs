// End to end: the app stays one window on one file, the command line can write while it
// is open, and hostile text in every field never runs — in the app or in an export.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { running } from './driver.mjs';
import { application, cliBinary, useApp } from './harness.mjs';
import { waitFor } from './webdriver.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'rollplan-e2e-safety-'));

function cli(database, ...args) {
  return execFileSync(cliBinary, ['--db', database, ...args], { encoding: 'utf8' });
}

describe('One window on one file', { concurrency: false }, () => {
  const database = join(workDir, 'clinic.db');
  cli(database, 'demo');
  const app = useApp({ ROLLPLAN_DB: database }, workDir);

  it('hands a second launch over to the open window, and lets the CLI write meanwhile', async () => {
    const session = await app.launch();
    await app.step('second-launch', async () => {
      await session.waitForText('.sidebar a', 'EHR go-live');
      const second = spawn(application, [], { env: { ...process.env, ROLLPLAN_DB: database }, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      second.stderr.on('data', (chunk) => (stderr += chunk));
      const [code, signal] = await new Promise((resolve) => second.once('exit', (c, s) => resolve([c, s])));
      assert.deepEqual([code, signal], [0, null], `the second launch exits quietly (${stderr.slice(-400)})`);
      assert.equal(running(application).length, 1, 'one app is running');
      await session.waitForText('.sidebar a', 'EHR go-live');
    });

    await app.step('cli-while-open', async () => {
      cli(database, 'rollouts', 'create', '--name', 'Created from the command line', '--kind', 'policy');
      await (await session.waitForText('.sidebar a', 'SMS appointment')).click();
      const owner = await session.waitFind('#rollout-owner');
      await waitFor('the rollout to load', async () => (await owner.property('value')) !== '');
      await owner.erase();
      await owner.type('Grace Kim');
      await session.waitFind('[data-save-status="saved"]');
    });
    await app.quit();

    assert.match(cli(database, 'check'), /Healthy/, 'the file is healthy after both wrote to it');
    const names = JSON.parse(cli(database, 'rollouts', 'list', '--json')).map((r) => [r.name, r.owner]);
    assert.ok(names.some(([n]) => n === 'Created from the command line'), 'the CLI write is kept');
    assert.ok(names.some(([n, o]) => n === 'SMS appointment reminders' && o === 'Grace Kim'), 'the app write is kept');
  });
});

// Typed text that would run if any screen or export treated it as markup.
const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  "javascript:window.__pwned=1//'",
];

// The free-text fields of a bundle: every one gets a payload after its own text.
const TEXT_FIELDS = new Set([
  'name', 'title', 'goal', 'notes', 'owner', 'sponsor', 'scope_in', 'scope_out', 'description', 'purpose', 'scope',
  'instruction', 'quality_check', 'role', 'trigger', 'action', 'escalate_to', 'within', 'evidence', 'mitigation',
  'message', 'audience', 'channel', 'constraints', 'options', 'choice', 'rationale', 'decided_by', 'verification',
  'outcome_note', 'cut', 'reason', 'protected', 'definition', 'numerator', 'denominator', 'data_source', 'note',
  'workstream', 'approved_by',
]);

function poison(value, counter = { n: 0 }) {
  if (Array.isArray(value)) return value.map((v) => poison(v, counter));
  if (value && typeof value === 'object') {
    const out = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] =
        // Free text has spaces; a one-word value in these fields is a code ("consulted").
        TEXT_FIELDS.has(key) && typeof inner === 'string' && inner.includes(' ')
          ? `${inner} ${PAYLOADS[counter.n++ % PAYLOADS.length]}`
          : poison(inner, counter);
    }
    return out;
  }
  return value;
}

describe('Hostile text in every field', { concurrency: false }, () => {
  const source = join(workDir, 'source.db');
  const database = join(workDir, 'hostile.db');
  const exports = join(workDir, 'hostile-exports');
  mkdirSync(exports);
  cli(source, 'demo');
  const clean = join(workDir, 'ehr.rollplan');
  cli(source, 'export', 'EHR go-live', '--format', 'bundle', '--out', clean, '--include-people');
  const hostile = join(workDir, 'hostile.rollplan');
  writeFileSync(hostile, JSON.stringify(poison(JSON.parse(readFileSync(clean, 'utf8'))), null, 2));
  cli(database, 'import', 'bundle', hostile, '--take-theirs');
  const app = useApp({ ROLLPLAN_DB: database, ROLLPLAN_TEST_SAVE_DIR: exports }, workDir);

  async function assertNothingRan(session, where) {
    const found = await session.execute(
      `return { pwned: window.__pwned === undefined ? null : window.__pwned,
                injected: document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload], main script').length };`,
    );
    assert.deepEqual(found, { pwned: null, injected: 0 }, `nothing injected or run on ${where}`);
  }

  it('shows every payload as text on every screen and in the exported report', async () => {
    const session = await app.launch();
    await app.step('screens', async () => {
      const link = await session.waitForText('.sidebar a', '<img src=x');
      await assertNothingRan(session, 'Home');
      await link.click();
      await session.waitForText('h1', 'onerror="window.__pwned=1"');
      for (const tab of ['Overview', 'Plan', 'Readiness & training', 'Metrics', 'Risks', 'Decisions', 'Comms', 'Stakeholders', 'Scope']) {
        await (await session.waitForText('nav.tabs a', tab)).click();
        await new Promise((resolve) => setTimeout(resolve, 400));
        await assertNothingRan(session, `the ${tab} tab`);
      }
      for (const page of ['People', 'Training', 'SOP library', 'Import a bundle', 'Trash', 'Home']) {
        await (await session.waitForText('.sidebar a', page)).click();
        await new Promise((resolve) => setTimeout(resolve, 400));
        await assertNothingRan(session, page);
      }
      await (await session.waitForText('.sidebar a', 'SOP library')).click();
      await (await session.waitForText('main a', '<')).click();
      await new Promise((resolve) => setTimeout(resolve, 400));
      await assertNothingRan(session, 'an SOP');
    });

    await app.step('export', async () => {
      await (await session.waitForText('.sidebar a', '<img src=x')).click();
      await (await session.waitForText('header button', 'Export…')).click();
      await (await session.waitFind('input[name="export-format"][value="html"]')).click();
      await (await session.waitForText('dialog button.primary', 'Export…')).click();
      await session.waitForText('dialog [role="status"]', 'Saved', 30000);
      const [file] = readdirSync(exports);
      const html = readFileSync(join(exports, file), 'utf8');
      assert.ok(html.includes('&lt;img src=x onerror='), 'the payload is in the report, escaped');
      assert.ok(!/<img src=x|<svg onload|<script>window/.test(html), 'no payload survives as markup');
    });
  });
});
