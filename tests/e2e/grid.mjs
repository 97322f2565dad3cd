// The plan's two views as a person works them: in the grid, find a task's row (scrolling
// it into view, since only the rows in view are drawn), read a cell, select a cell and
// type into it; on the timeline, scroll a task's bar into view.
import { painted } from './harness.mjs';
import { Keys, waitFor } from './webdriver.mjs';

/** Scrolls the grid until the row titled `title` is drawn; returns its index in the DOM order. */
async function reveal(session, title) {
  return waitFor(`the grid row “${title}”`, () => session.execute(
    `const scroller = document.querySelector('.scroller');
     const find = () => [...document.querySelectorAll('.grid .row[data-task]')]
       .find((r) => r.querySelector('.title')?.textContent.replace('◆', '').trim() === arguments[0]);
     if (!scroller) return false;
     if (find()) { find().scrollIntoView({ block: 'center' }); return true; }
     // Not drawn: step through the plan a screen at a time, from the top.
     const step = Math.max(60, scroller.clientHeight - 68);
     scroller.scrollTop = scroller.scrollTop + step >= scroller.scrollHeight ? 0 : scroller.scrollTop + step;
     scroller.dispatchEvent(new Event('scroll'));
     return false;`, [title]));
}

/** Opens the task titled `title` from its row's ↗ button, scrolling the row into view. */
export async function openTask(session, title) {
  await reveal(session, title);
  // The last row may sit under the grid's sideways scrollbar, so the button is pressed
  // in the page rather than at a point on the screen.
  await session.waitForText(`.grid .row[data-task="${await taskIdOf(session, title)}"] .open-task`, title);
  await session.execute(
    `document.querySelector('.grid .row[data-task="' + arguments[0] + '"] .open-task').click();`,
    [await taskIdOf(session, title)]);
}

/** The grid's row titled `title` is drawn, scrolled to if need be. */
export async function rowShown(session, title) {
  await reveal(session, title);
}

/** The text of the `column` cell (`due`, `status`, …) of the row titled `title`. */
export async function cellOf(session, title, column) {
  await reveal(session, title);
  return session.execute(
    `const row = [...document.querySelectorAll('.grid .row[data-task]')]
       .find((r) => r.querySelector('.title')?.textContent.replace('◆', '').trim() === arguments[0]);
     return row?.querySelector('[data-col="' + arguments[1] + '"]')?.textContent.trim() ?? null;`,
    [title, column]);
}

/** The cell element, drawn and in view. */
export async function cellElement(session, title, column) {
  await reveal(session, title);
  const css = `.grid .row[data-task="${await taskIdOf(session, title)}"] [data-col="${column}"]`;
  // A column past the grid's right edge is scrolled to, as a person would.
  await session.execute(`document.querySelector(arguments[0])?.scrollIntoView({ block: 'center', inline: 'nearest' });`, [css]);
  return session.find(css);
}

export function taskIdOf(session, title) {
  return session.execute(
    `return [...document.querySelectorAll('.grid .row[data-task]')]
       .find((r) => r.querySelector('.title')?.textContent.replace('◆', '').trim() === arguments[0])?.dataset.task ?? null;`,
    [title]);
}

/** Selects the cell, presses Enter, types `text` over what it held and presses `end`
 * (Enter by default, which saves and moves down). */
export async function typeIntoCell(session, title, column, text, end = Keys.ENTER) {
  const cell = await cellElement(session, title, column);
  await cell.click();
  const grid = await session.find('.grid');
  await grid.type(Keys.ENTER);
  const editor = await session.waitFind('.grid .editor');
  if ((await editor.property('tagName')) === 'SELECT') {
    await session.execute(
      `const s = document.querySelector('.grid select.editor'); s.value = arguments[0];
       s.dispatchEvent(new Event('change', { bubbles: true }));`, [text]);
    await editor.type(end);
  } else {
    // The editor opens with its text selected, so typing replaces it.
    await editor.type(`${text}${end}`);
  }
}

/** Scrolls the timeline so the row of `title` is drawn (only the rows in view are). */
export async function revealOnTimeline(session, title) {
  await session.execute(
    `const scroller = document.querySelector('[data-testid="timeline"]');
     const label = [...scroller.querySelectorAll('.labels button')].find((b) => b.getAttribute('aria-label').startsWith(arguments[0] + ':'));
     if (label) label.scrollIntoView({ block: 'center' });
     else scroller.scrollTop += 400;`,
    [title],
  );
  await painted(session);
}
