// A person's week: how each line reads and how ticking it off is asked of the core.
// The lines and their counts come whole from the core (`my_week`); this only words them.
import type { MyWeek } from './bindings/MyWeek';
import type { WeekCounts } from './bindings/WeekCounts';
import type { WeekItem } from './bindings/WeekItem';
import type { WeekTiming } from './bindings/WeekTiming';
import { routeHash } from './routes';

export const TIMING_LABELS: Record<WeekTiming, string> = {
  overdue: 'Overdue',
  blocked: 'Blocked',
  at_risk: 'At risk',
  due_this_week: 'This week',
  upcoming: 'Later',
};

/** The counts at the top of the week, in words: "2 overdue · 3 this week · 1 blocked". */
export function countsLine(counts: WeekCounts): string {
  if (counts.total === 0) return 'Nothing due this week.';
  const parts: [number, string][] = [
    [counts.overdue, 'overdue'],
    [counts.blocked, 'blocked'],
    [counts.at_risk, 'at risk'],
    [counts.due_this_week, 'this week'],
    [counts.upcoming, 'coming up'],
  ];
  return parts
    .filter(([n]) => n > 0)
    .map(([n, words]) => `${n} ${words}`)
    .join(' · ');
}

/** One line of the week, whatever its kind, as the list draws it. */
export interface WeekLine {
  key: string;
  kind: 'task' | 'criterion' | 'message' | 'training' | 'measurement' | 'review';
  title: string;
  detail: string;
  /** Where the line's record is shown in full. */
  href: string;
  date: string | null;
  timing: WeekTiming;
  /** What ticking it off sends; null for a metric value, which is typed in. */
  item: WeekItem | null;
  /** The tick's label: "Done", "Met", "Sent", "Completed", "Reviewed". */
  tick: string;
  metricId?: string;
}

/** Every line of the week, grouped as the page shows them. */
export function weekSections(week: MyWeek): { title: string; lines: WeekLine[] }[] {
  return [
    {
      title: 'Tasks',
      lines: week.tasks.map((t) => ({
        key: `task-${t.task_id}`,
        kind: 'task',
        title: t.title,
        detail: t.rollout_name + (t.kind === 'milestone' ? ' · milestone' : ''),
        href: routeHash({ name: 'rollout', id: t.rollout_id, tab: 'plan' }),
        date: t.due_date,
        timing: t.timing,
        item: { kind: 'task', id: t.task_id, row_version: t.row_version },
        tick: 'Done',
      })),
    },
    {
      title: 'Readiness criteria',
      lines: week.criteria.map((c) => ({
        key: `criterion-${c.criterion_id}`,
        kind: 'criterion',
        title: c.title,
        detail: `${c.rollout_name}${c.hard_gate ? ' · must be met before go-live' : ''}`,
        href: routeHash({ name: 'rollout', id: c.rollout_id, tab: 'readiness' }),
        date: c.go_live_date,
        timing: c.timing,
        item: { kind: 'criterion', id: c.criterion_id, row_version: c.row_version },
        tick: 'Met',
      })),
    },
    {
      title: 'Messages to send',
      lines: week.messages.map((m) => ({
        key: `message-${m.communication_id}`,
        kind: 'message',
        title: `${m.audience}${m.channel ? ` · ${m.channel}` : ''}`,
        detail: `${m.rollout_name} · ${m.message}`,
        href: routeHash({ name: 'rollout', id: m.rollout_id, tab: 'comms' }),
        date: m.send_on,
        timing: m.timing,
        item: { kind: 'message', id: m.communication_id, row_version: m.row_version },
        tick: 'Sent',
      })),
    },
    {
      title: 'Training to chase',
      lines: week.training.map((t) => ({
        key: `training-${t.due.record_id}`,
        kind: 'training',
        title: t.own ? `Your training: ${t.due.module_title}` : `${t.due.person_name}: ${t.due.module_title}`,
        detail: t.own ? 'Required of you' : t.rollout_name,
        href: routeHash({ name: 'training' }),
        date: t.due.due_date,
        timing: t.timing,
        item: { kind: 'training', module_id: t.due.module_id, person_id: t.due.person_id },
        tick: 'Completed',
      })),
    },
    {
      title: 'Metric values to record',
      lines: week.measurements.map((m) => ({
        key: `metric-${m.status.metric_id}`,
        kind: 'measurement',
        title: m.status.metric_name,
        detail: `${m.status.rollout_name} · ${m.status.reason}`,
        href: routeHash({ name: 'rollout', id: m.status.rollout_id, tab: 'metrics' }),
        date: m.status.next_due,
        timing: m.timing,
        item: null,
        tick: 'Record',
        metricId: m.status.metric_id,
      })),
    },
    {
      title: 'SOP reviews',
      lines: week.reviews.map((r) => ({
        key: `review-${r.sop_id}`,
        kind: 'review',
        title: `${r.code} ${r.title}`,
        detail: 'Review due',
        href: routeHash({ name: 'sop', id: r.sop_id }),
        date: r.next_review_date,
        timing: r.timing,
        item: { kind: 'review', id: r.sop_id, row_version: r.row_version },
        tick: 'Reviewed',
      })),
    },
  ].filter((section) => section.lines.length > 0) as { title: string; lines: WeekLine[] }[];
}
