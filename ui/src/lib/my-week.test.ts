import { describe, expect, it } from 'vitest';
import type { MyWeek } from './bindings/MyWeek';
import { countsLine, weekSections } from './my-week';

const counts = { overdue: 0, blocked: 0, at_risk: 0, due_this_week: 0, upcoming: 0, total: 0 };

function week(partial: Partial<MyWeek>): MyWeek {
  return {
    person_id: 'p1',
    person_name: 'Dana Whitfield',
    today: '2026-12-09',
    week_start: '2026-12-07',
    week_end: '2026-12-13',
    tasks: [],
    criteria: [],
    messages: [],
    training: [],
    measurements: [],
    reviews: [],
    counts,
    ...partial,
  };
}

describe('my week', () => {
  it('says the counts in words, leaving out the empty ones', () => {
    expect(countsLine(counts)).toBe('Nothing due this week.');
    expect(countsLine({ ...counts, overdue: 2, due_this_week: 3, total: 5 })).toBe('2 overdue · 3 this week');
  });

  it('ticks a task off with the version the person saw, and opens it in its plan', () => {
    const [section] = weekSections(
      week({
        tasks: [
          {
            task_id: 't1',
            rollout_id: 'r1',
            rollout_name: 'Kiosk check-in',
            title: 'Test the kiosk',
            kind: 'milestone',
            status: 'doing',
            due_date: '2026-12-11',
            timing: 'due_this_week',
            row_version: 4,
          },
        ],
      }),
    );
    expect(section?.title).toBe('Tasks');
    const line = section?.lines[0];
    expect(line?.item).toEqual({ kind: 'task', id: 't1', row_version: 4 });
    expect(line?.href).toBe('#/rollouts/r1/plan');
    expect(line?.detail).toBe('Kiosk check-in · milestone');
  });

  it('leaves out the kinds with nothing in them', () => {
    expect(weekSections(week({}))).toEqual([]);
  });
});
