// The timeline's geometry, kept apart from drawing so it can be tested and timed:
// a row per phase and per task, bars from start to due, diamonds for milestones, and
// link arrows from the end of a task a link ties (start or finish, by its type) to the
// end of the task it holds. Dates are calendar days (YYYY-MM-DD) in UTC.
import type { BaselineTaskDates } from './bindings/BaselineTaskDates';
import type { LinkType } from './bindings/LinkType';
import type { PlanPhase } from './bindings/PlanPhase';
import type { Task } from './bindings/Task';
import { addDays, isoOf } from './dates';
import { epochDay, parseDay } from './format';
import { UNPHASED_GROUP_LABEL } from './generated/labels';

const MS_PER_DAY = 86_400_000;

export interface TimelineInput {
  tasks: Task[];
  phases: PlanPhase[];
  goLive: string | null;
  today: string;
  critical: ReadonlySet<string>;
  slipped: ReadonlySet<string>;
  /** Each task's dates in the baseline the plan compares with (tasks it has). */
  baseline?: ReadonlyMap<string, BaselineTaskDates>;
}

export interface TimelineRow {
  key: string;
  y: number;
  label: string;
  phase: boolean;
  task: Task | null;
  /** A bar for a task with dates; a diamond's centre for a milestone. */
  bar: { x: number; width: number } | null;
  diamond: number | null;
  /** The thin bar under the bar at the task's baseline dates; null without them. */
  baseline: { x: number; width: number } | null;
  critical: boolean;
  slipped: boolean;
}

export interface TimelineArrow {
  key: string;
  from: string;
  to: string;
  path: string;
  critical: boolean;
  linkType: LinkType;
  lagDays: number;
  /** Where a lag's label goes (beside the turn into the waiting task); null without one. */
  lagAt: { x: number; y: number; anchor: 'start' | 'end' } | null;
  /** The rows it spans, so a virtualised view draws only arrows it can see. */
  top: number;
  bottom: number;
}

export interface TimelineLayout {
  rows: TimelineRow[];
  arrows: TimelineArrow[];
  width: number;
  height: number;
  ticks: { x: number; label: string }[];
  todayX: number | null;
  goLiveX: number | null;
}

export interface TimelineScale {
  /** Pixels per day: about 18 reads in weeks, about 4 in months. */
  dayWidth: number;
  rowHeight: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The zoom levels, from the closest: pixels per day at each. */
export const ZOOMS = { days: 36, weeks: 18, months: 4, quarters: 1.5 } as const;
export type Zoom = keyof typeof ZOOMS;

/** The scale's label on `date`, or null when no tick falls there: every day when a day
 *  is wide (Mondays named), Mondays in weeks, the 1st in months, quarters beyond. */
function tickOn(date: Date, dayWidth: number): string | null {
  const month = date.getUTCMonth();
  const monthName = MONTHS[month];
  if (dayWidth >= 30) {
    return date.getUTCDay() === 1 ? `${monthName} ${date.getUTCDate()}` : String(date.getUTCDate());
  }
  if (dayWidth >= 8) return date.getUTCDay() === 1 ? `${monthName} ${date.getUTCDate()}` : null;
  if (date.getUTCDate() !== 1) return null;
  if (dayWidth >= 2) return `${monthName} ${date.getUTCFullYear()}`;
  return month % 3 === 0 ? `Q${month / 3 + 1} ${date.getUTCFullYear()}` : null;
}

/** Whole days a drag of `dx` pixels moves, at `dayWidth` pixels a day. */
export function daysDragged(dx: number, dayWidth: number): number {
  return Math.round(dx / dayWidth) || 0;
}

/** `text` (`YYYY-MM-DD`) moved by `days`; null stays null. */
export function shiftDay(text: string | null, days: number): string | null {
  const day = parseDay(text);
  if (!day) return null;
  return isoOf(addDays(day, days));
}

/**
 * A task's dates after a drag: `move` shifts start and due alike (its length kept),
 * `resize` moves the due date alone, never before the start.
 */
export function draggedDates(
  task: Pick<Task, 'start_date' | 'due_date'>,
  days: number,
  drag: 'move' | 'resize',
): { start_date: string | null; due_date: string | null } {
  if (drag === 'move') return { start_date: shiftDay(task.start_date, days), due_date: shiftDay(task.due_date, days) };
  const due = shiftDay(task.due_date, days);
  const start = task.start_date;
  return { start_date: start, due_date: start && due && due < start ? start : due };
}

/** Where everything sits on the timeline. */
export function layoutTimeline(input: TimelineInput, scale: TimelineScale): TimelineLayout {
  const { dayWidth, rowHeight } = scale;
  // Each date read once (a 5,000-task plan has over ten thousand), the earliest and
  // latest found on the way.
  let earliest = Infinity;
  let latest = -Infinity;
  const note = (day: number | null): number | null => {
    if (day !== null) {
      if (day < earliest) earliest = day;
      if (day > latest) latest = day;
    }
    return day;
  };
  const days = new Map<string, { start: number | null; due: number | null }>();
  for (const task of input.tasks) days.set(task.id, { start: note(epochDay(task.start_date)), due: note(epochDay(task.due_date)) });
  const baseline = new Map<string, { start: number | null; due: number | null }>();
  for (const [id, then] of input.baseline ?? []) baseline.set(id, { start: note(epochDay(then.start_date)), due: note(epochDay(then.due_date)) });
  const today = note(epochDay(input.today));
  const goLive = note(epochDay(input.goLive));
  const first = earliest - 7;
  const last = latest + 14;
  const x = (day: number) => (day - first) * dayWidth;

  const rows: TimelineRow[] = [];
  const rowOf = new Map<string, TimelineRow>();
  const byPhase = new Map<string | null, Task[]>();
  for (const task of input.tasks) {
    const list = byPhase.get(task.phase_id) ?? [];
    list.push(task);
    byPhase.set(task.phase_id, list);
  }
  const groups: { key: string; label: string; tasks: Task[] }[] = input.phases
    .filter((p) => byPhase.has(p.id))
    .map((p) => ({ key: p.id, label: p.name, tasks: byPhase.get(p.id) ?? [] }));
  if (byPhase.has(null)) groups.push({ key: 'none', label: UNPHASED_GROUP_LABEL, tasks: byPhase.get(null) ?? [] });

  for (const group of groups) {
    rows.push({ key: `phase-${group.key}`, y: rows.length * rowHeight, label: group.label, phase: true, task: null, bar: null, diamond: null, baseline: null, critical: false, slipped: false });
    for (const task of group.tasks) {
      const dated = days.get(task.id);
      const start = dated?.start ?? dated?.due ?? null;
      const due = dated?.due ?? start;
      const milestone = task.kind === 'milestone';
      const then = baseline.get(task.id);
      const thenDue = then?.due ?? null;
      const thenStart = milestone ? thenDue : (then?.start ?? thenDue);
      const row: TimelineRow = {
        key: task.id,
        y: rows.length * rowHeight,
        label: task.title,
        phase: false,
        task,
        bar: !milestone && start !== null && due !== null ? { x: x(start), width: Math.max(dayWidth, (due - start + 1) * dayWidth) } : null,
        diamond: milestone && due !== null ? x(due) + dayWidth / 2 : null,
        baseline:
          thenStart !== null && thenDue !== null
            ? { x: x(thenStart), width: Math.max(dayWidth, (thenDue - thenStart + 1) * dayWidth) }
            : null,
        critical: input.critical.has(task.id),
        slipped: input.slipped.has(task.id),
      };
      rows.push(row);
      rowOf.set(task.id, row);
    }
  }

  const arrows: TimelineArrow[] = [];
  for (const row of rowOf.values()) {
    for (const link of row.task?.depends_on ?? []) {
      const dependsOn = link.depends_on_id;
      const from = rowOf.get(dependsOn);
      if (!from) continue;
      const fromStart = link.link_type === 'SS' || link.link_type === 'SF';
      const toStart = link.link_type === 'FS' || link.link_type === 'SS';
      const x1 = edgeX(from, fromStart);
      const x2 = edgeX(row, toStart);
      if (x1 === null || x2 === null) continue;
      const y1 = from.y + rowHeight / 2;
      const y2 = row.y + rowHeight / 2;
      const route = arrowRoute(x1, y1, x2, y2, fromStart, toStart);
      arrows.push({
        key: `${dependsOn}->${row.key}`,
        from: dependsOn,
        to: row.key,
        path: route.path,
        critical: from.critical && row.critical,
        linkType: link.link_type,
        lagDays: link.lag_days,
        lagAt: link.lag_days === 0 ? null : { x: route.turn + (toStart ? -3 : 3), y: y2 - 4, anchor: toStart ? 'end' : 'start' },
        top: Math.min(from.y, row.y),
        bottom: Math.max(from.y, row.y) + rowHeight,
      });
    }
  }

  const ticks: { x: number; label: string }[] = [];
  for (let day = first; day <= last; day++) {
    const tick = tickOn(new Date(day * MS_PER_DAY), dayWidth);
    if (tick !== null) ticks.push({ x: x(day), label: tick });
  }

  return {
    rows,
    arrows,
    width: (last - first + 1) * dayWidth,
    height: rows.length * rowHeight,
    ticks,
    todayX: today === null ? null : x(today),
    goLiveX: goLive === null ? null : x(goLive),
  };
}

/** Where a row's start or finish is: a bar's left or right edge, a diamond's centre. */
function edgeX(row: TimelineRow, start: boolean): number | null {
  if (row.bar) return start ? row.bar.x : row.bar.x + row.bar.width;
  return row.diamond;
}

/** An arrow out of a start to the left or out of a finish to the right, down to the
 * waiting task's row, and into its start from the left or its finish from the right
 * (round the far side when that end lies the other way). `turn` is where it turns in. */
function arrowRoute(x1: number, y1: number, x2: number, y2: number, fromStart: boolean, toStart: boolean): { path: string; turn: number } {
  if (!fromStart && toStart) {
    // Finish to start, as the timeline has always drawn it.
    const turn = Math.max(x1 + 6, Math.min(x2 - 6, x1 + 14));
    return { path: `M${x1} ${y1}H${turn}V${y2}H${x2 - 1}`, turn };
  }
  const out = fromStart ? x1 - 6 : x1 + 6;
  if (toStart) {
    const turn = Math.min(out, x2 - 6);
    return { path: `M${x1} ${y1}H${turn}V${y2}H${x2 - 1}`, turn };
  }
  const turn = fromStart ? out : Math.max(out, x2 + 6);
  if (turn > x2) return { path: `M${x1} ${y1}H${turn}V${y2}H${x2 + 1}`, turn };
  const entry = x2 + 6;
  return { path: `M${x1} ${y1}H${turn}V${(y1 + y2) / 2}H${entry}V${y2}H${x2 + 1}`, turn: entry };
}

/** The rows (and arrows) a scrolled view can see, with a margin so scrolling is smooth. */
export function visibleSlice(layout: TimelineLayout, scrollTop: number, viewHeight: number, margin = 300) {
  const top = Math.max(0, scrollTop - margin);
  const bottom = Math.min(layout.height, scrollTop + viewHeight + margin);
  return {
    rows: layout.rows.filter((r) => r.y + 1 >= top && r.y <= bottom),
    arrows: layout.arrows.filter((a) => a.bottom >= top && a.top <= bottom),
    /** The band of the chart in view: grid and date lines are drawn over it only. */
    top,
    bottom,
  };
}
