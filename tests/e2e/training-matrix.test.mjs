// End to end: the training matrix draws only the columns in view, and the keyboard still
// reaches every cell. In a window too narrow for the sample clinic's modules, Tab goes
// from cell to cell in reading order — from a row's last cell to the next row's first,
// which is out of view and not drawn until the matrix scrolls to it — and Shift+Tab
// comes back the same way. With more people than a window shows, the matrix reads its
// first people, and the next ones as the view scrolls or Tab reaches them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliBinary, painted, photographSizes, resizePage, useApp } from './harness.mjs';
import { Keys, waitFor } from './webdriver.mjs';

const workDir = mkdtempSync(join(tmpdir(), 'rollplan-e2e-training-matrix-'));
const database = join(workDir, 'rollplan.db');
execFileSync(cliBinary, ['--db', database, 'demo'], { encoding: 'utf8' });

/** One key pressed (with Shift held, if asked) where the focus is. */
const press = (session, shift) =>
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
const focusedCell = (session) =>
  session.execute(`return document.activeElement?.dataset?.cell ?? document.activeElement?.tagName;`);

describe('Training matrix', { concurrency: false }, () => {
  const app = useApp({ ROLLPLAN_DB: database }, workDir);

  it('reaches every cell of the first rows with Tab and Shift+Tab, drawn or not', async () => {
    const session = await app.launch();
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
    const forward = [await focusedCell(session)];
    for (let i = 1; i < cells.length; i++) {
      await press(session, false);
      await painted(session);
      forward.push(await focusedCell(session));
    }
    assert.deepEqual(forward, cells, 'Tab goes through every cell of the first two rows in reading order');

    const backward = [await focusedCell(session)];
    for (let i = 1; i < cells.length; i++) {
      await press(session, true);
      await painted(session);
      backward.push(await focusedCell(session));
    }
    assert.deepEqual(backward, [...cells].reverse(), 'Shift+Tab comes back through the same cells');
    await photographSizes(session, 'training-matrix');
  });
});

// The sample clinic and 150 more front-desk staff at Riverside (the EHR go-live trains
// them): a page of 100 people, far more than a window shows.
const crowdDir = mkdtempSync(join(tmpdir(), 'rollplan-e2e-training-crowd-'));
const crowd = join(crowdDir, 'rollplan.db');
execFileSync(cliBinary, ['--db', crowd, 'demo'], { encoding: 'utf8' });
const roster = join(crowdDir, 'staff.csv');
writeFileSync(
  roster,
  'Name,Role,Department\n' +
    Array.from({ length: 150 }, (_, i) => `Sam Desk${String(i + 1).padStart(3, '0')},Front desk,Riverside Family Medicine`).join('\n') +
    '\n',
);
execFileSync(cliBinary, ['--db', crowd, 'import', 'roster', roster], { encoding: 'utf8' });

describe('Training matrix of more people than a window shows', { concurrency: false }, () => {
  const app = useApp({ ROLLPLAN_DB: crowd }, crowdDir);

  it('reads the first people, the next as the view scrolls or Tab reaches them', async () => {
    const session = await app.launch();
    await resizePage(session, 1280, 720);
    await (await session.waitForText('.sidebar a', 'Training')).click();
    await session.waitFind('.matrix button.cell[data-cell]');
    await painted(session);
    const page = await session.execute(
      `return window.__TAURI_INTERNALS__.invoke('training_matrix', { filter: { offset: 0, limit: 100 } })
        .then((m) => ({
          people: m.people,
          names: m.rows.map((r) => r.name),
          lastCellOf30th: m.rows[29].cells.findLastIndex((c) => c !== null),
        }));`,
    );
    assert.ok(page.people > 150, `the page is full: ${page.people} people`);
    // How many of the page's people the window has read.
    const read = () => session.execute(`return Number(document.querySelector('.matrix').dataset.read);`);
    assert.equal(await read(), 30, 'the first 30 people are read, not the page of 100');
    assert.match(
      await session.execute(`return document.querySelector('.pager').textContent;`),
      new RegExp(`People 1–100 of ${page.people}`),
      'the pager counts the whole page',
    );

    // Tab from the 30th person's last cell goes on to the 31st, the first of the next read.
    await session.execute(`const view = document.querySelector('.matrix'); view.scrollTop = 29 * 48 - 200; view.scrollLeft = view.scrollWidth;`);
    await waitFor('the next people read', async () => (await read()) > 30);
    const lastOf30th = `29:${page.lastCellOf30th}`;
    await session.waitFind(`.matrix button[data-cell="${lastOf30th}"]`);
    await session.execute(`document.querySelector(arguments[0]).focus();`, [`.matrix button[data-cell="${lastOf30th}"]`]);
    await press(session, false);
    await waitFor('the 31st person focused', async () => String(await focusedCell(session)).startsWith('30:'));
    const focusedName = await session.execute(
      `return document.activeElement.closest('tr').querySelector('th .name').textContent;`,
    );
    assert.equal(focusedName, page.names[30], 'Tab reached the 31st person, in the directory’s order');

    // Scrolled to the bottom: every person of the page read, the last drawn last.
    await session.execute(`const view = document.querySelector('.matrix'); view.scrollTop = view.scrollHeight;`);
    await waitFor('the page’s last person drawn', async () =>
      (await session.execute(`return [...document.querySelectorAll('.matrix tbody th .name')].at(-1)?.textContent;`)) ===
      page.names[99],
    );
    assert.equal(await read(), 100, 'the whole page is read by then');
    await photographSizes(session, 'training-matrix-scrolled');
  });
});
