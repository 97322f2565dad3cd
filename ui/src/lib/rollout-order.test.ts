import { describe, expect, it } from 'vitest';
import type { Rollout } from './bindings/Rollout';
import { withRollout } from './rollout-order';

function rollout(id: string, name: string, goLive: string | null): Rollout {
  return {
    id, name, kind: 'other', goal: '', sites: [], sponsor: '', owner: '',
    start_date: null, go_live_date: goLive, phase: 'planning', scope_in: '', scope_out: '', schedule_mode: 'flag',
    created_at: '2026-11-25T10:00:00.000Z', updated_at: '2026-11-25T10:00:00.000Z',
    deleted_at: null, row_version: 1,
  };
}

describe('withRollout', () => {
  const list = [rollout('a', 'Portal', '2027-01-10'), rollout('b', 'Triage', null)];

  it('inserts by go-live date, undated last', () => {
    const next = withRollout(list, rollout('c', 'Kiosks', '2026-12-01'));
    expect(next.map((r) => r.id)).toEqual(['c', 'a', 'b']);
  });

  it('replaces an edited rollout in place of the old copy', () => {
    const next = withRollout(list, { ...rollout('b', 'Split-flow triage', '2026-12-01'), row_version: 2 });
    expect(next.map((r) => [r.id, r.name])).toEqual([['b', 'Split-flow triage'], ['a', 'Portal']]);
  });

  it('drops a rollout that went to the trash', () => {
    const trashed = { ...rollout('a', 'Portal', '2027-01-10'), deleted_at: '2026-11-25T11:00:00.000Z' };
    expect(withRollout(list, trashed).map((r) => r.id)).toEqual(['b']);
  });
});
