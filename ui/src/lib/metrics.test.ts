import { describe, expect, it } from 'vitest';
import type { MetricChart } from './bindings/MetricChart';
import { VALUE_SAMPLES } from './generated/values';
import { chartGeometry, formatValue, metricDraftOf } from './metrics';

describe('formatValue', () => {
  it('writes values the way they are read aloud', () => {
    expect(formatValue(41, 'percent')).toBe('41%');
    expect(formatValue(1200, 'dollars')).toBe('$1,200');
    expect(formatValue(3.25, 'days')).toBe('3.3 days');
    expect(formatValue(null, 'count')).toBe('—');
    expect(formatValue(12, 'minutes')).toBe('12 min');
    expect(formatValue(1, 'days')).toBe('1 day');
    expect(formatValue(-500, 'dollars')).toBe('-$500');
  });

  it('writes every value exactly as the core does in exports and status reasons', () => {
    expect(VALUE_SAMPLES.length, 'the core sends samples for every unit').toBeGreaterThan(50);
    for (const [value, unit, text] of VALUE_SAMPLES) {
      expect(formatValue(value, unit), `${value} in ${unit} reads as the core writes it`).toBe(text);
    }
  });
});

function chart(extra: Partial<MetricChart> = {}): MetricChart {
  const metric = { ...metricDraftOf(null) } as unknown as MetricChart['metric'];
  return {
    metric: { ...metric, id: 'm', unit: 'percent', direction: 'higher_is_better' } as MetricChart['metric'],
    status: {} as MetricChart['status'],
    points: [
      { date: '2026-11-01', value: 20 },
      { date: '2026-11-15', value: 40 },
    ],
    total_points: 2,
    downsampled: false,
    baseline: { date: '2026-11-01', value: 20 },
    target: { date: '2026-12-01', value: 60 },
    target_line: [
      { date: '2026-11-01', value: 20 },
      { date: '2026-12-01', value: 60 },
    ],
    watch_level: 30,
    act_level: 25,
    annotations: [
      { date: '2026-11-10', kind: 'go_live', label: 'Go-live', detail: '' },
      { date: '2027-03-01', kind: 'decision', label: 'Later', detail: '' },
    ],
    cycles: [
      { id: 'c', change: 'Second reminder', do_from: '2026-11-05', do_to: '2026-11-12', prediction: { date: '2026-11-15', value: 50 } },
    ],
    // As the core scales these values: round ticks, three days either side.
    scale: {
      value_min: 10,
      value_max: 60,
      value_ticks: [10, 20, 30, 40, 50, 60].map((value) => ({ value, label: `${value}%` })),
      first_day: '2026-10-29',
      last_day: '2026-12-04',
      date_ticks: [
        { date: '2026-11-01', label: 'Nov 2026' },
        { date: '2026-12-01', label: 'Dec' },
      ],
    },
    ...extra,
  };
}

describe('chartGeometry', () => {
  const box = { width: 320, height: 120, left: 20, right: 0, top: 0, bottom: 20 };
  const g = chartGeometry(chart(), box);

  it('spans the dates left to right and the values bottom to top, on the core\'s axes', () => {
    expect(g.dots[0]?.x).toBeGreaterThan(20);
    expect(g.dots[1]?.x).toBeGreaterThan(g.dots[0]?.x ?? 0);
    expect(g.dots[1]?.y).toBeLessThan(g.dots[0]?.y ?? 0);
    expect(g.series.startsWith(`M${g.dots[0]?.x} `)).toBe(true);
    expect(g.targetLine).toMatch(/^M[\d.]+ [\d.]+L[\d.]+ [\d.]+$/);
  });

  it('labels the axes with the ticks the core chose, lowest at the foot of the plot', () => {
    expect(g.valueTicks.map((t) => t.label), 'the value ticks read as in the reports').toEqual(['10%', '20%', '30%', '40%', '50%', '60%']);
    expect(g.valueTicks[0]?.y).toBe(100);
    expect(g.valueTicks.at(-1)?.y).toBe(0);
    expect(g.dateTicks.map((t) => t.label)).toEqual(['Nov 2026', 'Dec']);
    expect(g.dateTicks[0]?.x).toBeGreaterThan(20);
  });

  it('draws nothing without a scale: no values, baseline or target', () => {
    const empty = chartGeometry(chart({ points: [], baseline: null, target: null, target_line: [], scale: null }), box);
    expect(empty.dots, 'no dots').toEqual([]);
    expect(empty.valueTicks).toEqual([]);
  });

  it('shades below the levels when higher is better, act below watch', () => {
    expect(g.actBand && g.watchBand).toBeTruthy();
    expect((g.actBand?.y ?? 0)).toBeGreaterThan(g.watchBand?.y ?? 0);
  });

  it('shades above the levels when lower is better', () => {
    const lower = chartGeometry(
      chart({ metric: { ...chart().metric, direction: 'lower_is_better' }, watch_level: 45, act_level: 50 }),
      box,
    );
    expect(lower.actBand?.y).toBe(0);
  });

  it('draws an improvement cycle\'s Do window as a band and its prediction at its date and value', () => {
    const [window] = g.cycleWindows;
    const [prediction] = g.predictions;
    expect(window, 'one band per cycle').toBeDefined();
    expect(window?.x, 'the band starts after the first value (Nov 1)').toBeGreaterThan(g.dots[0]?.x ?? 0);
    expect((window?.x ?? 0) + (window?.width ?? 0), 'and ends before the second (Nov 15)').toBeLessThan(g.dots[1]?.x ?? 0);
    expect(prediction?.x, 'the prediction (Nov 15) sits after the window').toBeGreaterThan((window?.x ?? 0) + (window?.width ?? 0));
    expect(prediction?.y, 'a prediction of 50% sits above the 40% value').toBeLessThan(g.dots[1]?.y ?? 0);
    expect(prediction?.label).toBe('Prediction of “Second reminder”: 50% by 2026-11-15');
  });

  it('places annotations on their dates, and leaves out those beyond the axes', () => {
    expect(g.annotations.map((a) => a.label)).toEqual(['Go-live']);
    expect(g.annotations[0]?.x).toBeGreaterThan(20);
    expect(g.annotations[0]?.x).toBeLessThan(g.dots[1]?.x ?? 0);
  });
});
