import { describe, expect, it } from 'vitest';
import type { Task } from './bindings/Task';
import {
  cellText, defaultLayout, durationDays, moveColumn, parseCell, parseTsv, parseWaitsFor, pastedEdits, rangeOf, phaseAbove, readLayout, toTsv,
  toggleColumn, visibleColumns, waitsForText, windowOf,
} from './grid';
import { taskDraftOf } from './plan';

function task(id: string, extra: Partial<Task> = {}): Task {
  return {
    id, rollout_id: 'r', phase_id: null, phase_name: '', title: `Task ${id}`, kind: 'task', owner_id: null,
    owner_name: '', start_date: null, due_date: null, status: 'todo', percent_complete: 0, notes: '', number: 1,
    depends_on: [], created_at: '', updated_at: '', deleted_at: null, row_version: 1, ...extra,
  };
}

const context = {
  phases: [{ id: 'p1', rollout_id: 'r', name: 'Build', position: 1, created_at: '', updated_at: '', deleted_at: null, row_version: 1 }],
  today: new Date('2027-01-04T00:00:00Z'),
  order: 'mdy' as const,
};

describe('parseCell', () => {
  const draft = taskDraftOf(task('a', { start_date: '2027-01-04', due_date: '2027-01-08' }));

  it('reads dates the way people type them', () => {
    expect(parseCell('due', '1/15/2027', draft, context)).toEqual({ change: { due_date: '2027-01-15' } });
    expect(parseCell('start', 'next fri', draft, context)).toEqual({ change: { start_date: '2027-01-08' } });
    expect(parseCell('due', '', draft, context)).toEqual({ change: { due_date: null } });
    expect(parseCell('due', 'soonish', draft, context)).toHaveProperty('problem');
  });

  it('turns a duration into a due date counted from the start, both days included', () => {
    expect(parseCell('duration', '10', draft, context)).toEqual({ change: { due_date: '2027-01-13' } });
    expect(parseCell('duration', '3 days', draft, context)).toEqual({ change: { due_date: '2027-01-06' } });
    expect(parseCell('duration', 'two', draft, context)).toHaveProperty('problem');
    const noStart = { ...draft, start_date: null };
    expect(parseCell('duration', '5', noStart, context)).toEqual({ change: { start_date: '2027-01-04' } });
  });

  it('reads statuses by label, code or the words spreadsheets use, and percentages', () => {
    expect(parseCell('status', 'In progress', draft, context)).toEqual({ change: { status: 'doing' } });
    expect(parseCell('status', 'Done', draft, context)).toEqual({ change: { status: 'done' } });
    expect(parseCell('status', 'maybe', draft, context)).toHaveProperty('problem');
    expect(parseCell('percent', '40%', draft, context)).toEqual({ change: { percent_complete: 40 } });
    expect(parseCell('percent', '140', draft, context)).toHaveProperty('problem');
  });

  it('finds a phase by name and refuses one the plan does not have', () => {
    expect(parseCell('phase', 'build', draft, context)).toEqual({ change: { phase_id: 'p1' } });
    expect(parseCell('phase', '', draft, context)).toEqual({ change: { phase_id: null } });
    expect(parseCell('phase', 'Cutover', draft, context)).toHaveProperty('problem');
    expect(parseCell('title', '  ', draft, context)).toHaveProperty('problem');
  });
});

describe('parseWaitsFor', () => {
  const ids = new Map([[3, 'c'], [7, 'g'], [12, 'l']]);

  it('reads task numbers with their link type and lag, as MS Project writes predecessors', () => {
    expect(parseWaitsFor('3, 7SS+2d; 12ff-1', ids, 'x')).toEqual({
      links: [
        { depends_on_id: 'c', link_type: 'FS', lag_days: 0 },
        { depends_on_id: 'g', link_type: 'SS', lag_days: 2 },
        { depends_on_id: 'l', link_type: 'FF', lag_days: -1 },
      ],
    });
    expect(parseWaitsFor('', ids, 'x')).toEqual({ links: [] });
  });

  it('refuses a number the plan does not have, the task itself and what it cannot read', () => {
    expect(parseWaitsFor('4', ids, 'x')).toEqual({ problem: 'This plan has no task 4.' });
    expect(parseWaitsFor('3', ids, 'c')).toHaveProperty('problem');
    expect(parseWaitsFor('after 3', ids, 'x')).toHaveProperty('problem');
  });
});

describe('tab-separated text', () => {
  it('round-trips cells with tabs, line breaks and quotes as Excel writes them', () => {
    const rows = [['Build order sets', 'Build', '1/15/2027'], ['Say "hi"\nto IT', 'a\tb', '']];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });

  it('reads what Excel puts on the clipboard, trailing line break and Windows endings included', () => {
    expect(parseTsv('Train nurses\tDoing\r\nGo live\tTo do\r\n')).toEqual([['Train nurses', 'Doing'], ['Go live', 'To do']]);
  });
});

describe('pastedEdits', () => {
  const rows = [task('a', { number: 1, title: 'Build' }), task('b', { number: 2, title: 'Test' })];
  const columns = visibleColumns(defaultLayout());
  const at = (row: number, key: string) => ({ row, col: columns.findIndex((c) => c.key === key) });

  it('lands from the active cell and adds rows past the end as new tasks', () => {
    const active = at(1, 'title');
    const pasted = pastedEdits([['Test again', ''], ['Go live', 'Build']], { rows, columns, range: rangeOf(active, active), active }, context);
    expect(pasted).toMatchObject({ what: 'Pasted 1 rows and added 1' });
    if (!('edits' in pasted)) throw new Error('refused');
    expect(pasted.edits.map((e) => [e.task_id, e.draft.title, e.draft.phase_id])).toEqual([['b', 'Test again', null], [null, 'Go live', 'p1']]);
  });

  it('fills a selection with one cell, and names the row a refusal is about', () => {
    const range = rangeOf(at(0, 'status'), at(1, 'status'));
    const filled = pastedEdits([['Done']], { rows, columns, range, active: at(1, 'status') }, context);
    if (!('edits' in filled)) throw new Error('refused');
    expect(filled.edits.map((e) => e.draft.status)).toEqual(['done', 'done']);
    expect(pastedEdits([['soon']], { rows, columns, range: rangeOf(at(1, 'due'), at(1, 'due')), active: at(1, 'due') }, context))
      .toEqual({ problem: expect.stringMatching(/^Row 2, Due: /) });
    const untitled = pastedEdits([['Kim'], ['Lee'], ['Bell']], { rows, columns, range: rangeOf(at(0, 'owner'), at(0, 'owner')), active: at(0, 'owner') }, context);
    expect(untitled).toEqual({ problem: 'Pasted row 3 would be a new task without a title: paste the Task column too.' });
  });
});

describe('cells', () => {
  it('counts a duration in calendar days, both ends included', () => {
    expect(durationDays(task('a', { start_date: '2027-01-04', due_date: '2027-01-08' }))).toBe(5);
    expect(durationDays(task('a', { kind: 'milestone', due_date: '2027-01-08' }))).toBe(0);
    expect(durationDays(task('a', { due_date: '2027-01-08' }))).toBeNull();
  });

  it('writes what a task waits for by number, as MS Project does', () => {
    const numbers = new Map([['x', 3], ['y', 7]]);
    const waiting = task('a', {
      depends_on: [
        { depends_on_id: 'x', link_type: 'FS', lag_days: 0 },
        { depends_on_id: 'y', link_type: 'SS', lag_days: 2 },
      ],
    });
    expect(waitsForText(waiting, numbers)).toBe('3, 7SS+2d');
    expect(cellText(task('a', { percent_complete: 40 }), 'percent', { numberOf: numbers })).toBe('40%');
    const varianceOf = new Map([['a', 7], ['b', -1], ['c', 0]]);
    expect(['a', 'b', 'c', 'd'].map((id) => cellText(task(id), 'variance', { numberOf: numbers, varianceOf }))).toEqual(['+7 days', '−1 day', 'on time', '']);
  });

  it('indents a task under the phase of the nearest row above with one', () => {
    const rows = [task('a', { phase_id: 'p1' }), task('b'), task('c')];
    expect(phaseAbove(rows, 2)).toBe('p1');
    expect(phaseAbove(rows, 0)).toBeNull();
  });

  it('draws only the rows in view and a few around them', () => {
    expect(windowOf(0, 340, 34, 2000)).toEqual({ first: 0, last: 18 });
    expect(windowOf(34 * 1990, 340, 34, 2000)).toEqual({ first: 1982, last: 2000 });
  });
});

describe('layout', () => {
  it('keeps a person\'s order, hidden columns and widths, and mends a damaged one', () => {
    const moved = toggleColumn(moveColumn(defaultLayout(), 'status', -3), 'phase');
    const kept = readLayout(JSON.stringify({ ...moved, widths: { title: 5000, owner: 90 } }));
    expect(visibleColumns(kept).map((c) => c.key)).toEqual(['number', 'title', 'owner', 'status', 'start', 'due', 'duration', 'percent', 'after']);
    expect(visibleColumns(kept, true).map((c) => c.key).at(-1)).toBe('variance');
    expect(kept.widths).toEqual({ title: 800, owner: 90 });
    expect(readLayout('{not json').order).toEqual(defaultLayout().order);
    expect(readLayout(JSON.stringify({ order: ['due', 'bogus'], hidden: ['title'] })).hidden).toEqual([]);
  });
});
