import { describe, expect, it } from 'vitest';
import type { MetricStatus } from './bindings/MetricStatus';
import type { Programme } from './bindings/Programme';
import type { Rollout } from './bindings/Rollout';
import type { WaveOverview } from './bindings/WaveOverview';
import { groupRollouts, layoutWaves, metricsSideBySide } from './programmes';

function rollout(id: string, name: string, start: string | null, goLive: string | null): Rollout {
  return {
    id, name, kind: 'ehr_go_live', goal: '', sites: [], sponsor: '', owner: 'Dana Whitfield',
    start_date: start, go_live_date: goLive, phase: 'planning', scope_in: '', scope_out: '', schedule_mode: 'flag',
    created_at: '2026-11-25T10:00:00.000Z', updated_at: '2026-11-25T10:00:00.000Z',
    deleted_at: null, row_version: 1,
  };
}

function programme(id: string, name: string): Programme {
  return {
    id, name, description: '', owner: '', created_at: '2026-11-25T10:00:00.000Z',
    updated_at: '2026-11-25T10:00:00.000Z', deleted_at: null, row_version: 1,
  };
}

function status(name: string, state: MetricStatus['state']): MetricStatus {
  return {
    metric_id: name, metric_name: name, rollout_id: 'r', rollout_name: '', unit: 'percent', direction: 'higher_is_better',
    state, reason: '', latest: null, expected: null, behind_trajectory: false, overdue: false, next_due: null,
    action: '', acted_by: '', owner_name: '',
  };
}

describe('groupRollouts', () => {
  const pilot = rollout('w1', 'EHR pilot', '2026-09-01', '2026-12-01');
  const second = rollout('w2', 'EHR wave 2', '2026-12-01', '2027-03-01');
  const sms = rollout('s', 'SMS reminders', null, '2026-12-15');

  it('puts a programme’s waves together in wave order, the other rollouts after them', () => {
    const groups = groupRollouts([pilot, sms, second], [
      { programme: programme('p', 'EHR across sites'), waves: [{ number: 1, rollout: pilot }, { number: 2, rollout: second }] },
    ]);
    expect(groups.map((g) => [g.programme?.name ?? null, g.rows.map((r) => [r.rollout.id, r.wave])])).toEqual([
      ['EHR across sites', [['w1', 1], ['w2', 2]]],
      [null, [['s', null]]],
    ]);
  });

  it('shows the rollouts as Home holds them, and leaves out a programme with none of them', () => {
    const renamed = { ...second, name: 'EHR wave 2 (four sites)', row_version: 2 };
    const groups = groupRollouts([pilot, renamed], [
      { programme: programme('p', 'EHR across sites'), waves: [{ number: 1, rollout: pilot }, { number: 2, rollout: second }] },
      { programme: programme('q', 'Empty'), waves: [] },
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.rows[1]?.rollout.name, 'the row shows the rollout as last saved').toBe('EHR wave 2 (four sites)');
  });

  it('has no “other rollouts” group when every rollout is a wave', () => {
    const groups = groupRollouts([pilot], [{ programme: programme('p', 'EHR'), waves: [{ number: 1, rollout: pilot }] }]);
    expect(groups.map((g) => g.programme?.id ?? null)).toEqual(['p']);
  });
});

describe('layoutWaves', () => {
  const waves = [
    { number: 1, rollout: rollout('w1', 'Pilot', '2026-09-01', '2026-12-01') },
    { number: 2, rollout: rollout('w2', 'Four sites', '2026-12-01', '2027-03-01') },
    { number: 3, rollout: rollout('w3', 'The rest', null, null) },
  ];
  const layout = layoutWaves(waves, '2026-11-02', 800);

  it('draws each wave from its start to its go-live, later waves further right', () => {
    const [first, second, undated] = layout.bars;
    expect(first?.bar && second?.bar, 'dated waves have bars').toBeTruthy();
    expect(first!.bar!.x + first!.bar!.width).toBeCloseTo(first!.goLiveX!, 0);
    expect(second!.goLiveX!).toBeGreaterThan(first!.goLiveX!);
    expect(undated?.bar, 'an undated wave has no bar').toBeNull();
    expect(layout.bars.map((b) => b.label)).toEqual(['Wave 1 · Pilot', 'Wave 2 · Four sites', 'Wave 3 · The rest']);
  });

  it('keeps everything inside the width, today included, with a tick per month', () => {
    for (const b of layout.bars) if (b.goLiveX !== null) expect(b.goLiveX).toBeLessThanOrEqual(800);
    expect(layout.todayX!).toBeGreaterThan(first(layout.bars).bar!.x);
    expect(layout.todayX!).toBeLessThan(first(layout.bars).goLiveX!);
    expect(layout.ticks.map((t) => t.label)).toEqual(['Sep 2026', 'Oct', 'Nov', 'Dec', 'Jan 2027', 'Feb', 'Mar']);
  });
});

function first<T>(items: T[]): T {
  return items[0] as T;
}

describe('metricsSideBySide', () => {
  it('lines up the same metric across waves, with a gap where a wave does not measure it', () => {
    const wave = (number: number, metrics: MetricStatus[]) => ({ number, metrics }) as unknown as WaveOverview;
    const rows = metricsSideBySide([
      wave(1, [status('Portal sign-ups', 'on_track'), status('Check-in time', 'act')]),
      wave(2, [status('Check-in time', 'no_data')]),
    ]);
    expect(rows.map((r) => [r.name, r.cells.map((c) => c?.state ?? null)])).toEqual([
      ['Portal sign-ups', ['on_track', null]],
      ['Check-in time', ['act', 'no_data']],
    ]);
  });
});
