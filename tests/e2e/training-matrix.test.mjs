// End to end: the training matrix draws only the columns in view, and the keyboard still
// reaches every cell. In a window too narrow for the sample clinic's modules, Tab goes
// from cell to cell in reading order — from a row's last cell to the next row's first,
// which is out of view and not drawn until the matrix scrolls to it — and Shift+Tab
// comes back the same way.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliBinary, painted, photographSizes, resizePage, useApp } from './harness.mjs';
import { Keys } from './webdriver.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'rollplan-e2e-training-matrix-'));
const database = join(workDir, 'rollplan.db');
execFileSync(cliBinary, ['--db', database, 'demo'], { encoding: 'utf8' });

describe('Training matrix', { concurrency: false }, () => {
  const app = useApp({ ROLLPLAN_DB: database }, workDir);

  it('reaches every cell of the first rows with Tab and Shift+Tab, drawn or not', async () => {
    const session = await app.launch();
    /** One key pressed (with Shift held, if asked) where the focus is. */
    const press = (shift) =>
      session.call('POST', '/actions', {
        actions: [
          {
            type: 'key',
            id: 'keyboard',
            actions: shift
              ? [
                  { type: 'keyDown', value: Keys.SHIFT },
                  { type: 'keyDown', value: Keys.TAB },
                  { type: 'keyUp', value: Keys.TAB },
                  { type: 'keyUp', value: Keys.SHIFT },
                ]
              : [
                  { type: 'keyDown', value: Keys.TAB },
                  { type: 'keyUp', value: Keys.TAB },
                ],
          },
        ],
      });
    const focused = () => session.execute(`return document.activeElement?.dataset?.cell ?? document.activeElement?.tagName;`);

    await resizePage(session, 900, 720);
    await (await session.waitForText('.sidebar a', 'Training')).click();
    await session.waitFind('.matrix button.cell[data-cell]');
    await painted(session);

    const modules = await session.execute(`return document.querySelector('.matrix table').style.width;`);
    const drawn = await session.execute(`return document.querySelectorAll('.matrix thead th.module').length;`);
    const all = await session.execute(
      `return window.__TAURI_INTERNALS__.invoke('list_training_modules').then((m) => m.length);`,
    );
    assert.ok(drawn < all, `the narrow window draws some of the ${all} modules' columns, not all (${drawn}; ${modules})`);

    // Every cell of the first two rows, gathered by scrolling the matrix across.
    const cells = await session.call('POST', '/execute/async', {
      args: [],
      script: `const done = arguments[0];
        (async () => {
          const view = document.querySelector('.matrix');
          const found = new Set();
          for (let left = 0; ; left += 40) {
            view.scrollLeft = left;
            await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
            for (const b of view.querySelectorAll('button.cell[data-cell]')) {
              if (/^[01]:/.test(b.dataset.cell)) found.add(b.dataset.cell);
            }
            if (view.scrollLeft + view.clientWidth >= view.scrollWidth - 1) break;
          }
          view.scrollLeft = 0;
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          return [...found].sort((a, b) => { const [ra, ca] = a.split(':').map(Number); const [rb, cb] = b.split(':').map(Number); return ra - rb || ca - cb; });
        })().then(done);`,
    });
    assert.ok(cells.some((c) => c.startsWith('1:')) && cells.some((c) => c.startsWith('0:')), `cells in both rows: ${cells}`);

    await session.execute(`document.querySelector(arguments[0]).focus();`, [`.matrix button[data-cell="${cells[0]}"]`]);
    const forward = [await focused()];
    for (let i = 1; i < cells.length; i++) {
      await press(false);
      await painted(session);
      forward.push(await focused());
    }
    assert.deepEqual(forward, cells, 'Tab goes through every cell of the first two rows in reading order');

    const backward = [await focused()];
    for (let i = 1; i < cells.length; i++) {
      await press(true);
      await painted(session);
      backward.push(await focused());
    }
    assert.deepEqual(backward, [...cells].reverse(), 'Shift+Tab comes back through the same cells');
    await photographSizes(session, 'training-matrix');
  });
});
