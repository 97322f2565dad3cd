// Rollout drafts: the editable part of a rollout, as create and update take it.
import type { Rollout } from './bindings/Rollout';
import type { RolloutDraft } from './bindings/RolloutDraft';

/** The editable part of a rollout, as the update command takes it. */
export function draftOf(rollout: Rollout): RolloutDraft {
  return {
    name: rollout.name,
    kind: rollout.kind,
    goal: rollout.goal,
    sites: [...rollout.sites],
    sponsor: rollout.sponsor,
    owner: rollout.owner,
    start_date: rollout.start_date,
    go_live_date: rollout.go_live_date,
    phase: rollout.phase,
    scope_in: rollout.scope_in,
    scope_out: rollout.scope_out,
  };
}

/** An empty draft for a new rollout. */
export function emptyDraft(): RolloutDraft {
  return {
    name: '',
    kind: 'ehr_go_live',
    goal: '',
    sites: [],
    sponsor: '',
    owner: '',
    start_date: null,
    go_live_date: null,
    phase: 'planning',
    scope_in: '',
    scope_out: '',
  };
}

/**
 * The draft with every field the backend refused put back to its stored value, so that
 * the other edits can still be saved while the person fixes the refused field.
 */
export function withoutRefusedFields<T extends object>(draft: T, stored: T, refused: string[]): T {
  const kept: T = { ...draft };
  for (const field of refused) {
    if (field in stored) Object.assign(kept, { [field]: stored[field as keyof T] });
  }
  return kept;
}

/** True when two drafts would store the same values. */
export function sameDraft<T>(a: T, b: T): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The fields of `draft` whose value differs from `stored`: what the person changed, where
 * a refusal of the whole edit (a viewer's, say) is told.
 */
export function editedFields<T extends object>(draft: T, stored: T): string[] {
  return (Object.keys(draft) as (keyof T & string)[]).filter(
    (field) => JSON.stringify(draft[field]) !== JSON.stringify(stored[field]),
  );
}
