// How dates, countdowns and the domain's small enums read on screen. The enums' labels
// are generated from the core (lib/generated/labels.ts), so they read as the exports do.
import type { Phase } from './bindings/Phase';
import type { ReadinessCategory } from './bindings/ReadinessCategory';
import type { RolloutKind } from './bindings/RolloutKind';
import type { ScheduleMode } from './bindings/ScheduleMode';
import {
  CRITERION_STATUS_LABELS,
  PHASE_LABELS,
  READINESS_CATEGORY_LABELS,
  ROLLOUT_KIND_LABELS,
  SCHEDULE_MODE_LABELS,
  SOP_STATUS_LABELS,
  TASK_STATUS_LABELS,
} from './generated/labels';

export { PHASE_LABELS, ROLLOUT_KIND_LABELS as KIND_LABELS };

/** Phases in the order a rollout moves through them. */
export const PHASES = Object.keys(PHASE_LABELS) as Phase[];
export const KINDS = Object.keys(ROLLOUT_KIND_LABELS) as RolloutKind[];

const MS_PER_DAY = 86_400_000;

/** Parses `YYYY-MM-DD` as a calendar day (no time zone drift). */
export function parseDay(text: string | null | undefined): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text?.trim() ?? '');
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCMonth() === m - 1 ? day : null;
}

/**
 * Days since 1970-01-01 of a stored day (`YYYY-MM-DD`), or null when `text` is not one.
 * Read from the digits rather than through a regular expression and a Date: the
 * timeline asks it of every date of a 5,000-task plan, over ten thousand, each time it
 * is drawn. Anything not in that exact form is left to `parseDay`'s reading.
 */
export function epochDay(text: string | null | undefined): number | null {
  if (!text) return null;
  if (text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) {
    const day = parseDay(text);
    return day ? Math.round(day.getTime() / MS_PER_DAY) : null;
  }
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  // Days from the civil date (the proleptic Gregorian calendar), with years that begin
  // in March so the leap day falls last.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const DASH = 45;

/** The number written by `length` digits of `text` from `start`; -1 if one is not a digit. */
function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return leap ? 29 : 28;
}

/** Today as a calendar day in the user's time zone. */
export function today(now: Date = new Date()): Date {
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

/** Whole days from `from` to the date `text`, or null without a valid date. */
export function daysUntil(text: string | null | undefined, from: Date): number | null {
  const day = parseDay(text);
  return day ? Math.round((day.getTime() - from.getTime()) / MS_PER_DAY) : null;
}

export type CountdownTone = 'none' | 'far' | 'soon' | 'today' | 'past';

export interface Countdown {
  text: string;
  tone: CountdownTone;
}

/** "in 52 days", "tomorrow", "today", "9 days ago" — with a tone for colour. */
export function goLiveCountdown(goLive: string | null, from: Date): Countdown {
  const days = daysUntil(goLive, from);
  if (days === null) return { text: 'No go-live date', tone: 'none' };
  if (days === 0) return { text: 'Go-live today', tone: 'today' };
  if (days === 1) return { text: 'Go-live tomorrow', tone: 'soon' };
  if (days === -1) return { text: 'Went live yesterday', tone: 'past' };
  if (days < 0) return { text: `Went live ${-days} days ago`, tone: 'past' };
  return { text: `${days} days to go-live`, tone: days <= 14 ? 'soon' : 'far' };
}

const dateFormat = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "Feb 1, 2027", or an em dash without a date. */
export function formatDay(text: string | null | undefined): string {
  const day = parseDay(text);
  return day ? dateFormat.format(day) : '—';
}

const timestampFormat = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/** A stored UTC timestamp in the user's local time. */
export function formatTimestamp(text: string): string {
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? text : timestampFormat.format(at);
}

/** Names shown for the fields the audit log speaks about. */
export const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  kind: 'Kind',
  goal: 'Goal',
  sites: 'Sites',
  sponsor: 'Sponsor',
  owner: 'Owner',
  start_date: 'Start date',
  go_live_date: 'Go-live date',
  phase: 'Phase',
  scope_in: 'In scope',
  scope_out: 'Out of scope',
  schedule_mode: "When a task's dates change",
  code: 'Code',
  title: 'Title',
  purpose: 'Purpose',
  scope: 'Scope',
  status: 'Status',
  version: 'Version',
  effective_date: 'Effective date',
  review_interval_months: 'Review every (months)',
  tags: 'Tags',
  steps: 'Steps',
  exceptions: 'Exceptions',
  approved_by: 'Approved by',
  last_reviewed_on: 'Last reviewed',
  next_review_date: 'Next review',
  rollout: 'Rollout',
  due_date: 'Due',
  depends_on: 'Waits for',
  owner_id: 'Owner',
  notes: 'Notes',
};

/** A stored field's name as people read it: its label, or the code in words
 *  ("likelihood" → "Likelihood", "data_source" → "Data source"). */
export function fieldLabel(field: string): string {
  const label = FIELD_LABELS[field];
  if (label) return label;
  const words = field.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// Status codes of SOPs, plan tasks and readiness criteria, as the history shows them.
const STATUS_TEXT: Readonly<Record<string, string>> = { ...TASK_STATUS_LABELS, ...SOP_STATUS_LABELS, ...CRITERION_STATUS_LABELS };

/** Today in the user's time zone as `YYYY-MM-DD`, the form date inputs use. */
export function todayText(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A field value from the audit log as a person reads it. */
export function auditValue(field: string, value: string | null): string {
  if (value === null || value === '') return '(empty)';
  if (field === 'kind') return ROLLOUT_KIND_LABELS[value as RolloutKind] ?? value;
  if (field === 'phase') return PHASE_LABELS[value as Phase] ?? value;
  if (field === 'status') return STATUS_TEXT[value] ?? value;
  if (field === 'schedule_mode') return SCHEDULE_MODE_LABELS[value as ScheduleMode] ?? value;
  if (field === 'category') return READINESS_CATEGORY_LABELS[value as ReadinessCategory] ?? value;
  if (field.endsWith('_date') || field.endsWith('_on')) return formatDay(value);
  return value;
}

/** "1.2 MB", "640 KB": a file's size as people read it. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
