// Metrics as the screens show them: labels, values with their units, and the chart's
// geometry (kept apart from drawing so it can be tested).
import type { Cadence } from './bindings/Cadence';
import type { Direction } from './bindings/Direction';
import type { Indicator } from './bindings/Indicator';
import type { Metric } from './bindings/Metric';
import type { MetricChart } from './bindings/MetricChart';
import type { MetricDraft } from './bindings/MetricDraft';
import type { MetricState } from './bindings/MetricState';
import type { MetricUnit } from './bindings/MetricUnit';
import { parseDay } from './format';

export const UNIT_LABELS: Record<MetricUnit, string> = {
  percent: '%', count: 'count', minutes: 'minutes', hours: 'hours', days: 'days', dollars: '$', score: 'score',
};
export const DIRECTION_LABELS: Record<Direction, string> = {
  higher_is_better: 'Higher is better',
  lower_is_better: 'Lower is better',
};
export const INDICATOR_LABELS: Record<Indicator, string> = { leading: 'Leading', lagging: 'Lagging' };
export const CADENCE_LABELS: Record<Cadence, string> = { daily: 'Daily', weekly: 'Weekly', monthly: 'Monthly' };
export const STATE_LABELS: Record<MetricState, string> = {
  on_track: 'On track',
  watch: 'Watch',
  act: 'Act',
  no_data: 'No data',
};

/** A value as a practice manager writes it: 41%, $1,200, 3.5 days. */
export function formatValue(value: number | null | undefined, unit: MetricUnit): string {
  if (value === null || value === undefined) return '—';
  const number = Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 1 });
  switch (unit) {
    case 'percent':
      return `${number}%`;
    case 'dollars':
      return `$${number}`;
    case 'count':
    case 'score':
      return number;
    default:
      return `${number} ${unit}`;
  }
}

export function metricDraftOf(metric: Metric | null): MetricDraft {
  return metric
    ? {
        name: metric.name, definition: metric.definition, numerator: metric.numerator, denominator: metric.denominator,
        unit: metric.unit, direction: metric.direction, indicator: metric.indicator, data_source: metric.data_source,
        cadence: metric.cadence, owner: metric.owner_name, baseline_value: metric.baseline?.value ?? null,
        baseline_date: metric.baseline?.date ?? null, target_value: metric.target?.value ?? null, target_date: metric.target?.date ?? null,
      }
    : {
        name: '', definition: '', numerator: '', denominator: '', unit: 'percent', direction: 'higher_is_better',
        indicator: 'leading', data_source: '', cadence: 'weekly', owner: '', baseline_value: null, baseline_date: null,
        target_value: null, target_date: null,
      };
}

export interface ChartBox {
  width: number;
  height: number;
  /** Room for the value axis on the left and dates below; zero for a sparkline. */
  left: number;
  bottom: number;
  top: number;
  right: number;
}

export interface ChartGeometry {
  series: string;
  dots: { x: number; y: number; label: string }[];
  targetLine: string | null;
  baselineY: number | null;
  /** The band past the watch level and the band past the act level. */
  watchBand: { y: number; height: number } | null;
  actBand: { y: number; height: number } | null;
  annotations: { x: number; label: string; kind: string }[];
  valueTicks: { y: number; label: string }[];
  dateTicks: { x: number; label: string }[];
}

const MS_PER_DAY = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function day(text: string): number {
  return Math.round((parseDay(text)?.getTime() ?? 0) / MS_PER_DAY);
}

/** Where a metric's trend, target line, threshold bands and annotations sit in `box`. */
export function chartGeometry(chart: MetricChart, box: ChartBox): ChartGeometry {
  const unit = chart.metric.unit;
  const dates = [
    ...chart.points.map((p) => day(p.date)),
    ...chart.target_line.map((p) => day(p.date)),
    ...(chart.baseline ? [day(chart.baseline.date)] : []),
    ...chart.annotations.map((a) => day(a.date)),
  ];
  const values = [
    ...chart.points.map((p) => p.value),
    ...chart.target_line.map((p) => p.value),
    ...(chart.baseline ? [chart.baseline.value] : []),
    ...[chart.watch_level, chart.act_level].filter((v): v is number => v !== null),
  ];
  const firstDay = dates.length ? Math.min(...dates) : 0;
  const lastDay = dates.length ? Math.max(...dates, firstDay + 7) : 7;
  let low = values.length ? Math.min(...values) : 0;
  let high = values.length ? Math.max(...values) : 1;
  const pad = (high - low || Math.abs(high) || 1) * 0.1;
  low -= pad;
  high += pad;
  if (unit === 'percent') {
    low = Math.max(0, low);
    high = Math.min(100, high);
  }
  if (low > 0 && unit !== 'percent' && low < pad * 3) low = 0;
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const x = (d: number) => box.left + ((d - firstDay) / (lastDay - firstDay || 1)) * plotWidth;
  const y = (v: number) => box.top + (1 - (v - low) / (high - low || 1)) * plotHeight;
  const round = (n: number) => Math.round(n * 10) / 10;

  const dots = chart.points.map((p) => ({ x: round(x(day(p.date))), y: round(y(p.value)), label: `${p.date}: ${formatValue(p.value, unit)}` }));
  const series = dots.map((d, i) => `${i === 0 ? 'M' : 'L'}${d.x} ${d.y}`).join('');
  const targetLine = chart.target_line.length === 2
    ? chart.target_line.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(x(day(p.date)))} ${round(y(p.value))}`).join('')
    : null;

  // "Past a level" is below it when higher is better, above it otherwise.
  const higherIsBetter = chart.metric.direction === 'higher_is_better';
  const band = (level: number | null, until: number) => {
    if (level === null) return null;
    const [from, to] = higherIsBetter ? [y(level), y(until)] : [y(until), y(level)];
    return { y: round(Math.min(from, to)), height: round(Math.abs(to - from)) };
  };
  const actBand = band(chart.act_level, higherIsBetter ? low : high);
  const watchBand = chart.watch_level === null ? null : band(chart.watch_level, chart.act_level ?? (higherIsBetter ? low : high));

  const valueTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const v = low + (high - low) * f;
    return { y: round(y(v)), label: formatValue(Math.round(v * 10) / 10, unit) };
  });
  const span = lastDay - firstDay;
  const step = span > 400 ? 91 : span > 120 ? 30 : span > 40 ? 14 : 7;
  const dateTicks: { x: number; label: string }[] = [];
  for (let d = firstDay; d <= lastDay; d += step) {
    const date = new Date(d * MS_PER_DAY);
    dateTicks.push({ x: round(x(d)), label: `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}` });
  }
  return {
    series,
    dots,
    targetLine,
    baselineY: chart.baseline ? round(y(chart.baseline.value)) : null,
    watchBand,
    actBand,
    annotations: chart.annotations.map((a) => ({ x: round(x(day(a.date))), label: a.label, kind: a.kind })),
    valueTicks,
    dateTicks,
  };
}
