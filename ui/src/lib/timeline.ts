// The timeline's geometry, kept apart from drawing so it can be tested and timed:
// a row per phase and per task, bars from start to due, diamonds for milestones, and
// finish-to-start arrows. Dates are calendar days (YYYY-MM-DD) in UTC.
import type { PlanPhase } from './bindings/PlanPhase';
import type { Task } from './bindings/Task';
import { parseDay } from './format';
import { UNPHASED_GROUP_LABEL } from './generated/labels';

const MS_PER_DAY = 86_400_000;

export interface TimelineInput {
  tasks: Task[];
  phases: PlanPhase[];
  goLive: string | null;
  today: string;
  critical: ReadonlySet<string>;
  slipped: ReadonlySet<string>;
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
  critical: boolean;
  slipped: boolean;
}

export interface TimelineArrow {
  key: string;
  from: string;
  to: string;
  path: string;
  critical: boolean;
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

function dayNumber(text: string | null | undefined): number | null {
  const day = parseDay(text);
  return day ? Math.round(day.getTime() / MS_PER_DAY) : null;
}

/** Where everything sits on the timeline. */
export function layoutTimeline(input: TimelineInput, scale: TimelineScale): TimelineLayout {
  const { dayWidth, rowHeight } = scale;
  const dated = input.tasks.flatMap((t) => [dayNumber(t.start_date), dayNumber(t.due_date)]);
  const anchors = [...dated, dayNumber(input.today), dayNumber(input.goLive)].filter((d): d is number => d !== null);
  const first = Math.min(...anchors) - 7;
  const last = Math.max(...anchors) + 14;
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
    rows.push({ key: `phase-${group.key}`, y: rows.length * rowHeight, label: group.label, phase: true, task: null, bar: null, diamond: null, critical: false, slipped: false });
    for (const task of group.tasks) {
      const start = dayNumber(task.start_date) ?? dayNumber(task.due_date);
      const due = dayNumber(task.due_date) ?? start;
      const milestone = task.kind === 'milestone';
      const row: TimelineRow = {
        key: task.id,
        y: rows.length * rowHeight,
        label: task.title,
        phase: false,
        task,
        bar: !milestone && start !== null && due !== null ? { x: x(start), width: Math.max(dayWidth, (due - start + 1) * dayWidth) } : null,
        diamond: milestone && due !== null ? x(due) + dayWidth / 2 : null,
        critical: input.critical.has(task.id),
        slipped: input.slipped.has(task.id),
      };
      rows.push(row);
      rowOf.set(task.id, row);
    }
  }

  const arrows: TimelineArrow[] = [];
  for (const row of rowOf.values()) {
    for (const { depends_on_id: dependsOn } of row.task?.depends_on ?? []) {
      const from = rowOf.get(dependsOn);
      const fromEnd = from && (from.bar ? from.bar.x + from.bar.width : from.diamond);
      const toStart = row.bar ? row.bar.x : row.diamond;
      if (!from || fromEnd == null || toStart == null) continue;
      const y1 = from.y + rowHeight / 2;
      const y2 = row.y + rowHeight / 2;
      const elbow = Math.max(fromEnd + 6, Math.min(toStart - 6, fromEnd + 14));
      arrows.push({
        key: `${dependsOn}->${row.key}`,
        from: dependsOn,
        to: row.key,
        path: `M${fromEnd} ${y1}H${elbow}V${y2}H${toStart - 1}`,
        critical: from.critical && row.critical,
        top: Math.min(from.y, row.y),
        bottom: Math.max(from.y, row.y) + rowHeight,
      });
    }
  }

  const ticks: { x: number; label: string }[] = [];
  for (let day = first; day <= last; day++) {
    const date = new Date(day * MS_PER_DAY);
    const monthly = dayWidth < 8;
    const isTick = monthly ? date.getUTCDate() === 1 : date.getUTCDay() === 1;
    if (isTick) {
      ticks.push({
        x: x(day),
        label: monthly
          ? `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`
          : `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`,
      });
    }
  }

  const today = dayNumber(input.today);
  const goLive = dayNumber(input.goLive);
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
