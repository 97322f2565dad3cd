// Metrics as the screens show them: labels, values with their units, and the chart's
// geometry (kept apart from drawing so it can be tested). Labels and the way a value
// reads in its unit come from the core (lib/generated), so screens read as exports do.
import type { Metric } from './bindings/Metric';
import type { MetricChart } from './bindings/MetricChart';
import type { MetricDraft } from './bindings/MetricDraft';
import type { MetricUnit } from './bindings/MetricUnit';
import { parseDay } from './format';
import {
  CADENCE_LABELS,
  DIRECTION_LABELS,
  INDICATOR_LABELS,
  METRIC_STATE_LABELS,
  METRIC_UNIT_LABELS,
  THRESHOLD_LEVEL_LABELS,
} from './generated/labels';
import { UNIT_AFFIXES } from './generated/values';

export {
  CADENCE_LABELS,
  DIRECTION_LABELS,
  INDICATOR_LABELS,
  METRIC_STATE_LABELS as STATE_LABELS,
  METRIC_UNIT_LABELS as UNIT_LABELS,
  THRESHOLD_LEVEL_LABELS,
};

/** A value in its unit exactly as the core writes it in exports and status reasons:
 *  41%, $1,200, -$500, 12 min, 1 day. The affixes are the core's; the test pins every
 *  sample the core formats. */
export function formatValue(value: number | null | undefined, unit: MetricUnit): string {
  if (value === null || value === undefined) return '—';
  const { prefix, suffix, suffix_one } = UNIT_AFFIXES[unit];
  const number = numberText(value);
  const [sign, digits] = number.startsWith('-') ? ['-', number.slice(1)] : ['', number];
  return `${sign}${prefix}${digits}${value === 1 ? suffix_one : suffix}`;
}

/** A number rounded to one decimal (halves away from zero), a trailing ".0" dropped,
 *  thousands separated, and no sign on what rounds to zero — as the core does. */
export function numberText(value: number): string {
  const magnitude = Math.round(Math.abs(value) * 10) / 10;
  const [whole = '0', fraction = '0'] = magnitude.toFixed(1).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = value < 0 && magnitude !== 0 ? '-' : '';
  return `${sign}${grouped}${fraction === '0' ? '' : `.${fraction}`}`;
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
  /** Each improvement cycle's Do window, as a band across the plot's height. */
  cycleWindows: { x: number; width: number; label: string }[];
  /** Each cycle's prediction: a diamond at its date and value. */
  predictions: { x: number; y: number; label: string }[];
  valueTicks: { y: number; label: string }[];
  dateTicks: { x: number; label: string }[];
}

const MS_PER_DAY = 86_400_000;

function day(text: string): number {
  return Math.round((parseDay(text)?.getTime() ?? 0) / MS_PER_DAY);
}

const EMPTY_GEOMETRY: ChartGeometry = {
  series: '', dots: [], targetLine: null, baselineY: null, watchBand: null, actBand: null, annotations: [], cycleWindows: [], predictions: [], valueTicks: [], dateTicks: [],
};

/** Where a metric's trend, target line, threshold bands and annotations sit in `box`,
 *  on the axes the core chose for the chart (`chart.scale`) — the same value and date
 *  ticks the HTML and PDF reports draw. */
export function chartGeometry(chart: MetricChart, box: ChartBox): ChartGeometry {
  const scale = chart.scale;
  if (!scale) return EMPTY_GEOMETRY;
  const unit = chart.metric.unit;
  const [firstDay, lastDay] = [day(scale.first_day), day(scale.last_day)];
  const { value_min: low, value_max: high } = scale;
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const x = (d: number) => box.left + ((d - firstDay) / (lastDay - firstDay || 1)) * plotWidth;
  const y = (v: number) => box.top + ((high - v) / (high - low || Number.EPSILON)) * plotHeight;
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
  const worseEdge = higherIsBetter ? low : high;
  const actBand = band(chart.act_level, worseEdge);
  const watchBand = chart.watch_level === null ? null : band(chart.watch_level, chart.act_level ?? worseEdge);

  return {
    series,
    dots,
    targetLine,
    baselineY: chart.baseline ? round(y(chart.baseline.value)) : null,
    watchBand,
    actBand,
    // Marks outside the axes' dates are left out, as the reports leave them out.
    annotations: chart.annotations
      .filter((a) => day(a.date) >= firstDay && day(a.date) <= lastDay)
      .map((a) => ({ x: round(x(day(a.date))), label: a.label, kind: a.kind })),
    // The core widens the axes to hold every window and prediction (ChartScale::of).
    cycleWindows: chart.cycles.map((c) => {
      const [from, to] = [x(Math.max(day(c.do_from), firstDay)), x(Math.min(day(c.do_to), lastDay))];
      return { x: round(from), width: round(Math.max(to - from, 2)), label: `${c.change}: Do window ${c.do_from} to ${c.do_to}` };
    }),
    predictions: chart.cycles.map((c) => ({
      x: round(x(day(c.prediction.date))),
      y: round(y(c.prediction.value)),
      label: `Prediction of “${c.change}”: ${formatValue(c.prediction.value, unit)} by ${c.prediction.date}`,
    })),
    valueTicks: scale.value_ticks.map((tick) => ({ y: round(y(tick.value)), label: tick.label })),
    dateTicks: scale.date_ticks.map((tick) => ({ x: round(x(day(tick.date))), label: tick.label })),
  };
}
