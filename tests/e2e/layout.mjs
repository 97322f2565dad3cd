// What a person would call a broken layout, found in the page itself: something that
// runs off the window or out of its box, text cut without an ellipsis and a tooltip, a
// word split across lines ("Likel/ihoo/d"), a date broken over lines, a dialog taller
// than the window. Runs inside the webview through WebDriver's execute.

/** The script's body: returns a list of problems, each "what — where". */
export const LAYOUT_PROBLEMS = `
const problems = [];
const width = document.documentElement.clientWidth;
const height = document.documentElement.clientHeight;

function where(el) {
  const parts = [];
  for (let node = el; node && node !== document.body && parts.length < 4; node = node.parentElement) {
    let part = node.tagName.toLowerCase();
    if (node.id) part += '#' + node.id;
    else if (typeof node.className === 'string' && node.className.trim()) {
      part += '.' + node.className.trim().split(/\\s+/).filter((c) => !c.startsWith('svelte-')).slice(0, 2).join('.');
    }
    parts.unshift(part);
  }
  const text = (el.textContent || el.value || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
  return parts.join(' > ') + (text ? ' "' + text + '"' : '');
}

function hidden(el, style) {
  if (style.display === 'none' || style.visibility === 'hidden') return true;
  if (el.closest('.visually-hidden, svg, option, [popover]:not(:popover-open), dialog:not([open])')) return true;
  const rect = el.getBoundingClientRect();
  return rect.width === 0 || rect.height === 0;
}

for (const el of document.body.querySelectorAll('*')) {
  const style = getComputedStyle(el);
  if (hidden(el, style)) continue;
  const rect = el.getBoundingClientRect();
  const scrollsSideways = el.closest('[data-scrolls-x]');

  if (!scrollsSideways && (rect.right > width + 1 || rect.left < -1) && style.position !== 'fixed') {
    problems.push('runs off the window (' + Math.round(rect.left) + '–' + Math.round(rect.right) + ' of ' + width + ' px) — ' + where(el));
    continue;
  }
  const sideways = el.scrollWidth > el.clientWidth + 1;
  if (sideways && (style.overflowX === 'auto' || style.overflowX === 'scroll') && !el.hasAttribute('data-scrolls-x') && el.tagName !== 'TEXTAREA') {
    problems.push('scrolls sideways (' + el.scrollWidth + ' px in ' + el.clientWidth + ') — ' + where(el));
  }
  if (sideways && (style.overflowX === 'hidden' || style.overflowX === 'clip')) {
    const tooltip = el.closest('[title]') || el.getAttribute('aria-label');
    if (style.textOverflow !== 'ellipsis') problems.push('cut off without an ellipsis — ' + where(el));
    else if (!tooltip) problems.push('shortened with an ellipsis but no tooltip — ' + where(el));
  }
  if (el.tagName === 'INPUT' && el.closest('.date-field') && el.scrollWidth > el.clientWidth + 1 && document.activeElement !== el) {
    problems.push('date cut in its field — ' + where(el));
  }
  if (el.tagName === 'DIALOG' && (rect.bottom > height + 1 || rect.top < -1)) {
    problems.push('dialog taller than the window (' + Math.round(rect.height) + ' px in ' + height + ') — ' + where(el));
  }
}

// Words and dates split across lines, read from where each lands on screen.
const DATE = /\\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{1,2}, \\d{4}\\b/g;
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const range = document.createRange();
const lines = (start, end, node) => {
  range.setStart(node, start);
  range.setEnd(node, end);
  const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
  return tops.size;
};
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const parent = node.parentElement;
  if (!parent || hidden(parent, getComputedStyle(parent)) || parent.closest('textarea, script, style')) continue;
  const text = node.textContent;
  // A word may end a line at its hyphen or slash, as people write it; not in its middle.
  for (const match of text.matchAll(/[^\\s\\-–—/]+/g)) {
    if (match[0].length < 3 || match[0].length > 24) continue;
    if (lines(match.index, match.index + match[0].length, node) > 1) {
      problems.push('word split across lines — ' + where(parent) + ' at "' + match[0] + '"');
    }
  }
  for (const match of text.matchAll(DATE)) {
    if (lines(match.index, match.index + match[0].length, node) > 1) {
      problems.push('date broken across lines — ' + where(parent) + ' at "' + match[0] + '"');
    }
  }
}
return [...new Set(problems)];
`;
