import { describe, expect, it } from 'vitest';
import type { Task } from './bindings/Task';
import type { TaskLink } from './bindings/TaskLink';
import { daysDragged, draggedDates, layoutTimeline, shiftDay, visibleSlice } from './timeline';

function task(id: string, extra: Partial<Task> = {}): Task {
  return {
    id, rollout_id: 'r', phase_id: 'p', phase_name: 'Build', title: id, kind: 'task', owner_id: null, owner_name: '',
    start_date: null, due_date: null, status: 'todo', percent_complete: 0, number: 1, notes: '', depends_on: [], created_at: '', updated_at: '',
    deleted_at: null, row_version: 1, ...extra,
  };
}

/** The plain link: wait for `id` to finish. */
function fs(id: string): TaskLink {
  return { depends_on_id: id, link_type: 'FS', lag_days: 0 };
}

const phases = [{ id: 'p', rollout_id: 'r', name: 'Build', position: 0, row_version: 1 }];
const scale = { dayWidth: 10, rowHeight: 20 };

describe('layoutTimeline', () => {
  const tasks = [
    task('a', { start_date: '2027-01-04', due_date: '2027-01-06' }),
    task('b', { start_date: '2027-01-07', due_date: '2027-01-07', depends_on: [fs('a')] }),
    task('go', { kind: 'milestone', due_date: '2027-01-08', start_date: '2027-01-08', depends_on: [fs('b')] }),
  ];
  const layout = layoutTimeline(
    { tasks, phases, goLive: '2027-01-08', today: '2027-01-05', critical: new Set(['b', 'go']), slipped: new Set(['a']) },
    scale,
  );

  it('puts a phase row above its tasks', () => {
    expect(layout.rows.map((r) => r.label)).toEqual(['Build', 'a', 'b', 'go']);
    expect(layout.rows.map((r) => r.y)).toEqual([0, 20, 40, 60]);
  });

  it('draws bars from start to the end of the due day, and milestones as diamonds', () => {
    const [, a, b, go] = layout.rows;
    // The timeline starts a week before the earliest date (Jan 4 - 7 days = Dec 28).
    expect(a?.bar).toEqual({ x: 70, width: 30 });
    expect(b?.bar).toEqual({ x: 100, width: 10 });
    expect(go?.bar).toBeNull();
    expect(go?.diamond).toBe(115);
    expect(layout.goLiveX).toBe(110);
    expect(layout.todayX).toBe(80);
  });

  it('marks slipped and critical tasks, and draws finish-to-start arrows', () => {
    expect(layout.rows.filter((r) => r.slipped).map((r) => r.key)).toEqual(['a']);
    expect(layout.arrows.map((a) => [a.key, a.critical])).toEqual([
      ['a->b', false],
      ['b->go', true],
    ]);
    expect(layout.arrows[0]?.path.startsWith('M100 30')).toBe(true);
  });

  it('draws each arrow between the ends its link ties, with the lag beside it', () => {
    const linked = layoutTimeline(
      {
        tasks: [
          task('a', { start_date: '2027-01-04', due_date: '2027-01-08' }),
          task('ss', { start_date: '2027-01-06', due_date: '2027-01-09', depends_on: [{ depends_on_id: 'a', link_type: 'SS', lag_days: 2 }] }),
          task('ff', { start_date: '2027-01-05', due_date: '2027-01-08', depends_on: [{ depends_on_id: 'a', link_type: 'FF', lag_days: 0 }] }),
        ],
        phases, goLive: null, today: '2027-01-05', critical: new Set(), slipped: new Set(),
      },
      scale,
    );
    const [ss, ff] = linked.arrows;
    // a's bar runs from x 70 (Jan 4) to 120 (end of Jan 8); ss starts at x 90.
    expect(ss?.linkType).toBe('SS');
    expect(ss?.path).toBe('M70 30H64V50H89');
    expect(ss?.lagAt).toEqual({ x: 61, y: 46, anchor: 'end' });
    // ff ends at x 120, as a does: out of a's finish to the right, into ff's finish from the right.
    expect(ff?.linkType).toBe('FF');
    expect(ff?.path).toBe('M120 30H126V70H121');
    expect(ff?.lagAt).toBeNull();
  });

  it('draws the baseline dates of a task under its bar, and widens the range to hold them', () => {
    const compared = layoutTimeline(
      {
        tasks: [task('a', { start_date: '2027-01-04', due_date: '2027-01-08' }), task('new', { start_date: '2027-01-05', due_date: '2027-01-06' })],
        phases, goLive: null, today: '2027-01-05', critical: new Set(), slipped: new Set(),
        baseline: new Map([['a', { task_id: 'a', start_date: '2026-12-28', due_date: '2027-01-01', variance_days: 7 }]]),
      },
      scale,
    );
    const [, a, added] = compared.rows;
    // The range now starts a week before Dec 28 (Dec 21): the baseline is Dec 28 – Jan 1.
    expect(a?.baseline).toEqual({ x: 70, width: 50 });
    expect(a?.bar).toEqual({ x: 140, width: 50 });
    expect(added?.baseline, 'a task added after the baseline has no baseline bar').toBeNull();
  });

  it('shows only what a scrolled view can see', () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      task(`t${i}`, { start_date: '2027-01-04', due_date: '2027-01-05', depends_on: i > 0 ? [fs(`t${i - 1}`)] : [] }),
    );
    const big = layoutTimeline({ tasks: many, phases, goLive: null, today: '2027-01-01', critical: new Set(), slipped: new Set() }, scale);
    expect(big.rows.length).toBe(2001);
    const slice = visibleSlice(big, 20_000, 600, 100);
    expect(slice.rows.length).toBeLessThan(50);
    expect(slice.arrows.length).toBeLessThan(50);
  });
});

describe('dragging on the timeline', () => {
  it('moves by whole days, keeping a task its length', () => {
    expect(daysDragged(40, 18)).toBe(2);
    expect(daysDragged(-8, 18)).toBe(0);
    expect(draggedDates({ start_date: '2027-01-04', due_date: '2027-01-08' }, 3, 'move')).toEqual({
      start_date: '2027-01-07',
      due_date: '2027-01-11',
    });
    expect(draggedDates({ start_date: null, due_date: '2027-01-08' }, -7, 'move')).toEqual({
      start_date: null,
      due_date: '2027-01-01',
    });
  });

  it('changes only the due date from the end, never before the start', () => {
    expect(draggedDates({ start_date: '2027-01-04', due_date: '2027-01-08' }, 2, 'resize')).toEqual({
      start_date: '2027-01-04',
      due_date: '2027-01-10',
    });
    expect(draggedDates({ start_date: '2027-01-04', due_date: '2027-01-08' }, -9, 'resize')).toEqual({
      start_date: '2027-01-04',
      due_date: '2027-01-04',
    });
  });

  it('crosses month and year ends on the calendar', () => {
    expect(shiftDay('2026-12-30', 3)).toBe('2027-01-02');
    expect(shiftDay('2028-02-28', 1)).toBe('2028-02-29');
    expect(shiftDay(null, 3)).toBeNull();
  });
});
