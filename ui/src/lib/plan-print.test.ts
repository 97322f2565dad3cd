import { describe, expect, it } from 'vitest';
import type { Task } from './bindings/Task';
import { NAME_COLUMN, READABLE_PX_PER_DAY, barOn, ganttLayout, pageRule, planSpan, printableArea, scaleTicks } from './plan-print';

function task(start: string | null, due: string | null, kind: Task['kind'] = 'task'): Task {
  return {
    id: `${start}-${due}`,
    rollout_id: 'r',
    phase_id: null,
    phase_name: '',
    title: 'A task',
    kind,
    owner_id: null,
    owner_name: '',
    start_date: start,
    due_date: due,
    status: 'todo',
    notes: '', percent_complete: 0, number: 1,
    depends_on: [],
    created_at: '',
    updated_at: '',
    deleted_at: null,
    row_version: 1,
  };
}

describe('the plan on paper', () => {
  it('knows the printable width of letter and A4 each way', () => {
    // Letter landscape: 11 in less two 12 mm margins, at 96 px an inch.
    expect(printableArea('letter', 'landscape').width).toBe(965);
    expect(printableArea('a4', 'portrait').width).toBe(702);
    expect(printableArea('a4', 'landscape').width).toBeGreaterThan(printableArea('letter', 'landscape').width);
    expect(pageRule('a4', 'portrait')).toBe('@page { size: A4 portrait; margin: 12mm; }');
  });

  it('spans the dated tasks, first day to last', () => {
    expect(planSpan([task(null, null)])).toBeNull();
    const span = planSpan([task('2027-01-04', '2027-01-08'), task(null, '2027-01-31', 'milestone')]);
    expect(span?.days).toBe(28);
  });

  it('fits a whole plan on one page wide, or spreads it over pages at a readable scale', () => {
    const tasks = [task('2026-10-01', '2026-12-31'), task('2027-01-01', '2027-03-31')];
    const one = ganttLayout(tasks, 'letter', 'landscape', 'one-page');
    expect(one?.pages).toHaveLength(1);
    const timeline = printableArea('letter', 'landscape').width - NAME_COLUMN;
    expect((one?.pages[0]?.pxPerDay ?? 0) * (one?.days ?? 0)).toBeCloseTo(timeline);

    const spread = ganttLayout(tasks, 'letter', 'landscape', 'pages');
    expect(spread?.pages.length).toBe(Math.ceil((spread?.days ?? 0) / Math.floor(timeline / READABLE_PX_PER_DAY)));
    expect(spread?.pages.at(-1)?.toDay).toBe(spread?.days);
  });

  it('cuts a bar at the edge of its page and leaves it off pages it does not reach', () => {
    const long = task('2026-10-01', '2027-03-31');
    const short = task('2026-10-01', '2026-10-03');
    const layout = ganttLayout([long, short], 'a4', 'portrait', 'pages');
    if (!layout) throw new Error('a layout');
    const [first, second] = layout.pages;
    if (!first || !second) throw new Error('two pages at least');
    expect(barOn(short, layout, first)).toEqual({ left: 0, width: 3 * READABLE_PX_PER_DAY });
    expect(barOn(short, layout, second)).toBeNull();
    expect(barOn(long, layout, second)).toEqual({ left: 0, width: (second.toDay - second.fromDay) * READABLE_PX_PER_DAY });
  });
});

describe('the scale of a printed Gantt chart', () => {
  it('labels months, or weeks on a short page, each with room to be read', () => {
    const tasks = [task('2026-10-01', '2027-03-31')];
    const layout = ganttLayout(tasks, 'letter', 'landscape', 'one-page');
    const page = layout?.pages[0];
    if (!layout || !page) throw new Error('a layout');
    const ticks = scaleTicks(layout, page);
    expect(ticks.map((t) => t.label)).toEqual(['Oct 2026', 'Nov 2026', 'Dec 2026', 'Jan 2027', 'Feb 2027', 'Mar 2027']);
    const width = (page.toDay - page.fromDay) * page.pxPerDay;
    for (const [i, tick] of ticks.entries()) {
      expect((ticks[i + 1]?.left ?? width) - tick.left).toBeGreaterThanOrEqual(56);
    }
  });
});
