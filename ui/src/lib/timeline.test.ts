import { describe, expect, it } from 'vitest';
import type { Task } from './bindings/Task';
import type { TaskLink } from './bindings/TaskLink';
import { layoutTimeline, visibleSlice } from './timeline';

function task(id: string, extra: Partial<Task> = {}): Task {
  return {
    id, rollout_id: 'r', phase_id: 'p', phase_name: 'Build', title: id, kind: 'task', owner_id: null, owner_name: '',
    start_date: null, due_date: null, status: 'todo', notes: '', depends_on: [], created_at: '', updated_at: '',
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
