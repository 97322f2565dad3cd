// Search everything in the real window: Ctrl+K from any screen opens the search, the
// results come as the words are typed, ↓ moves to the second hit and Enter opens it
// where it lives (a task's dialog on its rollout's plan, say); Escape closes the
// search. Photographed at 1280×720 in light and dark.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliBinary, painted, photograph, resizePage, useApp } from './harness.mjs';
import { Keys, waitFor } from './webdriver.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'rollplan-search-'));
const shots = process.env.ROLLPLAN_SCREENSHOTS ?? join(workDir, 'screens');
mkdirSync(shots, { recursive: true });

/** Presses Ctrl+K (or any chord) as a person would, wherever the focus is. */
async function chord(session, key) {
  await session.call('POST', '/actions', {
    actions: [
      {
        type: 'key',
        id: 'keyboard',
        actions: [
          { type: 'keyDown', value: Keys.CONTROL },
          { type: 'keyDown', value: key },
          { type: 'keyUp', value: key },
          { type: 'keyUp', value: Keys.CONTROL },
        ],
      },
    ],
  });
  await session.call('DELETE', '/actions');
}

const HITS = `return [...document.querySelectorAll('#search-hits [role="option"]')].map((li) => ({
  kind: li.dataset.kind,
  title: li.querySelector('.title').textContent.trim(),
  selected: li.getAttribute('aria-selected') === 'true',
}));`;

for (const theme of ['light', 'dark']) {
  describe(`search everything in ${theme}`, { concurrency: false }, () => {
    const database = join(workDir, `${theme}.db`);
    execFileSync(cliBinary, ['--db', database, 'demo'], { encoding: 'utf8' });
    const env = { ROLLPLAN_DB: database, ...(theme === 'dark' ? { GTK_THEME: 'Adwaita:dark' } : {}) };
    const app = useApp(env, workDir);

    it('opens with Ctrl+K, ranks as you type, and Enter lands on the record', async () => {
      const session = await app.launch();
      await resizePage(session, 1280, 720);

      await app.step(`Ctrl+K from the SOP library (${theme})`, async () => {
        await session.execute('window.location.hash = arguments[0];', ['#/sops']);
        await session.waitFind('main h1');
        await chord(session, 'k');
        const field = await session.waitFind('input[aria-label="Search everything"]');
        await waitFor('the search field to have the focus', () =>
          session.execute(`return document.activeElement?.getAttribute('aria-label') === 'Search everything';`),
        );
        await field.type('i');
        await session.waitForText('.palette [role="status"]', 'Type another letter');
      });

      let second;
      await app.step(`type, see ranked results, move down (${theme})`, async () => {
        const field = await session.find('input[aria-label="Search everything"]');
        await field.type('nterfaces');
        const hits = await waitFor('results for "interfaces"', async () => {
          const found = await session.execute(HITS);
          return found.length >= 2 ? found : null;
        });
        assert.ok(hits[0].selected, 'the best hit is highlighted first');
        for (const hit of hits.slice(0, 2)) {
          assert.match(hit.title.toLowerCase(), /interfaces/, `the best hits name interfaces: ${JSON.stringify(hits)}`);
        }
        await field.type(Keys.ARROW_DOWN);
        const moved = await session.execute(HITS);
        assert.ok(moved[1].selected && !moved[0].selected, '↓ highlights the second hit');
        second = moved[1];
        await painted(session);
        await photograph(session, join(shots, `search-1280x720-${theme}.png`));
      });

      await app.step(`Enter opens the highlighted hit in place (${theme})`, async () => {
        const field = await session.find('input[aria-label="Search everything"]');
        await field.type(Keys.ENTER);
        await waitFor('the search to close', async () =>
          (await session.execute(`return document.querySelector('input[aria-label="Search everything"]') === null;`)),
        );
        const tab = { task: 'plan', criterion: 'readiness', risk: 'risks', decision: 'decisions', metric: 'metrics' }[second.kind];
        if (tab) {
          assert.match(await session.execute('return window.location.hash;'), new RegExp(`^#/rollouts/[^/]+/${tab}/`), 'the hit opens on its rollout');
          await waitFor(`the dialog of "${second.title}"`, () =>
            session.execute(
              `const dialog = document.querySelector('dialog[open]');
               return !!dialog && ([...dialog.querySelectorAll('input, textarea')].some((f) => f.value === arguments[0]) || dialog.textContent.includes(arguments[0]));`,
              [second.title],
            ),
          );
        } else {
          await session.waitForText('main', second.title);
        }
        await painted(session);
        await photograph(session, join(shots, `search-landed-1280x720-${theme}.png`));
      });

      await app.step(`Escape closes the search (${theme})`, async () => {
        await session.execute(`document.querySelector('dialog[open]')?.close();`);
        await chord(session, 'k');
        const field = await session.waitFind('input[aria-label="Search everything"]');
        await field.type(Keys.ESCAPE);
        await waitFor('the search to close on Escape', async () =>
          (await session.execute(`return document.querySelector('input[aria-label="Search everything"]') === null;`)),
        );
        console.log(`screenshots: ${shots}`);
      });
      await app.quit();
    });
  });
}
