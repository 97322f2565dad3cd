// Programmes as the screens lay them out: Home's rollouts grouped under their programme,
// the waves on one timeline, and each wave's metrics side by side. Every figure shown
// (readiness, trained %, a metric's status) is the core's; this only arranges them.
import type { MetricStatus } from './bindings/MetricStatus';
import type { Programme } from './bindings/Programme';
import type { ProgrammeWaves } from './bindings/ProgrammeWaves';
import type { Rollout } from './bindings/Rollout';
import type { WaveOverview } from './bindings/WaveOverview';
import { parseDay } from './format';

/** A rollout on Home, with its wave number when it belongs to a programme. */
export interface GroupedRollout {
  rollout: Rollout;
  wave: number | null;
}

/** A programme's waves together, or (`programme` null) the rollouts in no programme. */
export interface RolloutGroup {
  programme: Programme | null;
  rows: GroupedRollout[];
}

/**
 * Home's table: each programme's waves in wave order under its name (programmes by
 * name, as the core lists them), then every other rollout in the order given. A wave
 * that is not among `items` (in the trash) is left out, and so is a programme with
 * none left.
 */
export function groupRollouts(items: readonly Rollout[], programmes: readonly ProgrammeWaves[]): RolloutGroup[] {
  const byId = new Map(items.map((r) => [r.id, r]));
  const grouped = new Set<string>();
  const groups: RolloutGroup[] = [];
  for (const { programme, waves } of programmes) {
    const rows = waves.flatMap((wave) => {
      const rollout = byId.get(wave.rollout.id);
      if (!rollout || grouped.has(rollout.id)) return [];
      grouped.add(rollout.id);
      return [{ rollout, wave: wave.number }];
    });
    if (rows.length > 0) groups.push({ programme, rows });
  }
  const others = items.filter((r) => !grouped.has(r.id)).map((rollout) => ({ rollout, wave: null }));
  if (others.length > 0) groups.push({ programme: null, rows: others });
  return groups;
}

/** One wave's row on the programme's timeline. */
export interface WaveBar {
  number: number;
  rolloutId: string;
  label: string;
  y: number;
  /** From the rollout's start (or its go-live alone) to its go-live; null undated. */
  bar: { x: number; width: number } | null;
  goLiveX: number | null;
  goLive: string | null;
}

export interface WaveTimelineLayout {
  bars: WaveBar[];
  ticks: { x: number; label: string }[];
  todayX: number | null;
  width: number;
  height: number;
}

const MS_PER_DAY = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function dayNumber(text: string | null | undefined): number | null {
  const day = parseDay(text);
  return day ? Math.round(day.getTime() / MS_PER_DAY) : null;
}

/**
 * The waves on one timeline `width` pixels wide: a row per wave, a bar from its start
 * to its go-live, a mark at each go-live, a tick at each month's first day and today.
 */
export function layoutWaves(
  waves: readonly { number: number; rollout: Rollout }[],
  today: string,
  width: number,
  rowHeight = 36,
): WaveTimelineLayout {
  const days = waves.flatMap((w) => [dayNumber(w.rollout.start_date), dayNumber(w.rollout.go_live_date)]);
  const anchors = [...days, dayNumber(today)].filter((d): d is number => d !== null);
  const first = Math.min(...anchors) - 14;
  const last = Math.max(...anchors) + 21;
  const dayWidth = width / Math.max(1, last - first);
  const x = (day: number) => Math.round((day - first) * dayWidth * 10) / 10;
  const bars = waves.map((wave, index): WaveBar => {
    const goLive = dayNumber(wave.rollout.go_live_date);
    const start = dayNumber(wave.rollout.start_date) ?? goLive;
    const from = start !== null && goLive !== null ? Math.min(start, goLive) : null;
    return {
      number: wave.number,
      rolloutId: wave.rollout.id,
      label: `Wave ${wave.number} · ${wave.rollout.name}`,
      y: index * rowHeight,
      bar: from !== null && goLive !== null ? { x: x(from), width: Math.max(2, x(goLive) - x(from)) } : null,
      goLiveX: goLive === null ? null : x(goLive),
      goLive: wave.rollout.go_live_date,
    };
  });
  const ticks: { x: number; label: string }[] = [];
  const start = new Date(first * MS_PER_DAY);
  const cursor = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  // Every month while they are far enough apart to read; every quarter on a long programme.
  const step = last - first > 540 ? 3 : 1;
  while (cursor.getTime() / MS_PER_DAY <= last) {
    const month = cursor.getUTCMonth();
    if (month % step === 0) {
      const label = month === 0 || ticks.length === 0 ? `${MONTHS[month]} ${cursor.getUTCFullYear()}` : (MONTHS[month] ?? '');
      ticks.push({ x: x(Math.round(cursor.getTime() / MS_PER_DAY)), label });
    }
    cursor.setUTCMonth(month + 1);
  }
  const todayDay = dayNumber(today);
  return { bars, ticks, todayX: todayDay === null ? null : x(todayDay), width, height: waves.length * rowHeight };
}

/** One metric across the waves: its status in each wave that measures it. */
export interface MetricAcrossWaves {
  name: string;
  cells: (MetricStatus | null)[];
}

/** The waves' metrics side by side, by name in the order they first appear. */
export function metricsSideBySide(waves: readonly WaveOverview[]): MetricAcrossWaves[] {
  const rows: MetricAcrossWaves[] = [];
  waves.forEach((wave, index) => {
    for (const status of wave.metrics) {
      let row = rows.find((r) => r.name.toLowerCase() === status.metric_name.toLowerCase());
      if (!row) {
        row = { name: status.metric_name, cells: waves.map(() => null) };
        rows.push(row);
      }
      if (row.cells[index] === null) row.cells[index] = status;
    }
  });
  return rows;
}
