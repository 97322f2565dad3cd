// The order rollouts are listed in everywhere: soonest go-live first, undated last,
// then by name — the same order the backend returns, so inserts land where a reload
// would put them.
import type { Rollout } from './bindings/Rollout';

export function compareRollouts(a: Rollout, b: Rollout): number {
  if (a.go_live_date !== b.go_live_date) {
    if (a.go_live_date === null) return 1;
    if (b.go_live_date === null) return -1;
    return a.go_live_date < b.go_live_date ? -1 : 1;
  }
  return a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });
}

/** The list with `rollout` inserted or replaced (or removed, once it is in the trash). */
export function withRollout(list: readonly Rollout[], rollout: Rollout): Rollout[] {
  const others = list.filter((r) => r.id !== rollout.id);
  if (rollout.deleted_at !== null) return others;
  return [...others, rollout].sort(compareRollouts);
}
