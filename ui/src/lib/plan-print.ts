// The plan on paper: the sizes of the sheets a clinic prints on, and how a Gantt chart is
// cut to fit them — squeezed to one page wide, or spread across pages at a readable
// scale with the task names repeated on each.
import type { Task } from './bindings/Task';
import { addDays } from './dates';
import { parseDay } from './format';

export type PrintedPart = 'plan' | 'gantt' | 'readiness';
export type Paper = 'letter' | 'a4';
export type Orientation = 'landscape' | 'portrait';
export type GanttFit = 'one-page' | 'pages';

export const PRINTED_PARTS: Record<PrintedPart, string> = {
  plan: 'Plan (grid)',
  gantt: 'Gantt chart',
  readiness: 'Readiness checklist',
};

/** CSS pixels per inch, as the print engine counts them. */
const PX_PER_INCH = 96;
const PX_PER_MM = PX_PER_INCH / 25.4;
/** The page margin on every side, in millimetres (the `@page` rule uses the same). */
export const MARGIN_MM = 12;

/** A sheet's width and height in millimetres, portrait. */
const SHEETS: Record<Paper, [number, number]> = {
  letter: [215.9, 279.4],
  a4: [210, 297],
};

/** The printable width and height of a sheet, in CSS pixels. */
export function printableArea(paper: Paper, orientation: Orientation): { width: number; height: number } {
  const [short, long] = SHEETS[paper];
  const [w, h] = orientation === 'portrait' ? [short, long] : [long, short];
  return {
    width: Math.floor((w - 2 * MARGIN_MM) * PX_PER_MM),
    height: Math.floor((h - 2 * MARGIN_MM) * PX_PER_MM),
  };
}

/** The `@page` rule for a sheet. */
export function pageRule(paper: Paper, orientation: Orientation): string {
  return `@page { size: ${paper === 'a4' ? 'A4' : 'letter'} ${orientation}; margin: ${MARGIN_MM}mm; }`;
}

/** The width of the task-name column of a printed Gantt chart, in CSS pixels. */
export const NAME_COLUMN = 210;
/** Across pages, a day takes this many pixels: a week is about the width of a date. */
export const READABLE_PX_PER_DAY = 9;

const DAY_MS = 86_400_000;

/** One page's slice of a Gantt chart: the days it shows and how wide a day is. */
export interface GanttPage {
  /** Days since the chart's first day. */
  fromDay: number;
  /** Exclusive. */
  toDay: number;
  pxPerDay: number;
}

/** A printed Gantt chart: its first day and each page's slice of the days. */
export interface GanttLayout {
  start: Date;
  days: number;
  pages: GanttPage[];
}

/** The span of the dated tasks, first to last day inclusive; null when none is dated. */
export function planSpan(tasks: Task[]): { start: Date; days: number } | null {
  let first = Infinity;
  let last = -Infinity;
  for (const task of tasks) {
    for (const text of [task.start_date, task.due_date]) {
      const day = parseDay(text);
      if (day) {
        first = Math.min(first, day.getTime());
        last = Math.max(last, day.getTime());
      }
    }
  }
  if (!Number.isFinite(first)) return null;
  return { start: new Date(first), days: Math.round((last - first) / DAY_MS) + 1 };
}

/**
 * Cuts the chart to the page: `one-page` squeezes every day into one page's width;
 * `pages` keeps a readable scale and gives each page as many days as fit, so the task
 * names (printed again on each) stay beside their bars.
 */
export function ganttLayout(tasks: Task[], paper: Paper, orientation: Orientation, fit: GanttFit): GanttLayout | null {
  const span = planSpan(tasks);
  if (!span) return null;
  const timeline = printableArea(paper, orientation).width - NAME_COLUMN;
  if (fit === 'one-page') {
    return { ...span, pages: [{ fromDay: 0, toDay: span.days, pxPerDay: timeline / span.days }] };
  }
  const perPage = Math.max(7, Math.floor(timeline / READABLE_PX_PER_DAY));
  const pages: GanttPage[] = [];
  for (let from = 0; from < span.days; from += perPage) {
    pages.push({ fromDay: from, toDay: Math.min(span.days, from + perPage), pxPerDay: READABLE_PX_PER_DAY });
  }
  return { ...span, pages };
}

/** Where a task's bar sits on a page: left and width in pixels, or null when it falls
 *  outside the page's days (or is undated). A milestone is a point on its day. */
export function barOn(task: Task, layout: GanttLayout, page: GanttPage): { left: number; width: number } | null {
  const due = parseDay(task.due_date);
  const start = parseDay(task.start_date) ?? due;
  if (!start || !due) return null;
  const from = Math.round((start.getTime() - layout.start.getTime()) / DAY_MS);
  const to = Math.round((due.getTime() - layout.start.getTime()) / DAY_MS) + 1;
  const shownFrom = Math.max(from, page.fromDay);
  const shownTo = Math.min(to, page.toDay);
  if (shownFrom >= shownTo) return null;
  return {
    left: (shownFrom - page.fromDay) * page.pxPerDay,
    width: Math.max(2, (shownTo - shownFrom) * page.pxPerDay),
  };
}

/** The first day of each month (or each week when a page shows under two months) on a
 *  page, with its offset, to label the chart's scale. */
export function scaleTicks(layout: GanttLayout, page: GanttPage): { left: number; label: string }[] {
  const weekly = page.toDay - page.fromDay < 62;
  const ticks: { left: number; label: string }[] = [];
  const month = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const day = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
  for (let d = page.fromDay; d < page.toDay; d++) {
    const date = addDays(layout.start, d);
    const first = weekly ? date.getUTCDay() === 1 : date.getUTCDate() === 1;
    if (first || d === page.fromDay) {
      ticks.push({ left: (d - page.fromDay) * page.pxPerDay, label: (weekly ? day : month).format(date) });
    }
  }
  // A label squeezed against the next one, or against the page's edge, says nothing:
  // keep those with room.
  const width = (page.toDay - page.fromDay) * page.pxPerDay;
  const room = 56;
  return ticks.filter((tick, i) => (ticks[i + 1]?.left ?? width) - tick.left >= room);
}
