// What a debrief can link to: the rollout's tasks, risks and metrics (what broke) and its
// decisions (what we changed), as choices with the words a person knows them by.
import type { Debrief } from './bindings/Debrief';
import type { DebriefDraft } from './bindings/DebriefDraft';
import type { Decision } from './bindings/Decision';
import type { LinkKind } from './bindings/LinkKind';
import type { LinkedRecord } from './bindings/LinkedRecord';
import type { Metric } from './bindings/Metric';
import type { Risk } from './bindings/Risk';
import type { Task } from './bindings/Task';

export interface LinkChoice {
  kind: LinkKind;
  id: string;
  label: string;
}

/** The records "what broke" can point at: tasks, risks, then metrics. */
export function brokeChoices(tasks: Task[], risks: Risk[], metrics: Metric[]): LinkChoice[] {
  return [
    ...tasks.map((t) => ({ kind: 'task' as const, id: t.id, label: t.title })),
    ...risks.map((r) => ({ kind: 'risk' as const, id: r.id, label: r.title })),
    ...metrics.map((m) => ({ kind: 'metric' as const, id: m.id, label: m.name })),
  ];
}

/** The records "what we changed" can point at: the rollout's decisions. */
export function changedChoices(decisions: Decision[]): LinkChoice[] {
  return decisions.map((d) => ({ kind: 'decision' as const, id: d.id, label: d.title }));
}

/**
 * The draft a debrief's dialog starts from: a new one dated today with one empty action
 * row, or the debrief as read — its links as ids, and no actions, since the draft's
 * actions are the new ones to plan (those already planned are tasks of the plan).
 */
export function debriefDraftOf(debrief: Debrief | null, today: string): DebriefDraft {
  if (!debrief) {
    return {
      held_on: today, title: '', expected: '', happened: '', broke: '', broke_links: [], changed: '',
      changed_links: [], actions: [{ title: '', owner: '', due_date: '' }], next_check: '',
    };
  }
  const ids = (links: LinkedRecord[]) => links.map(({ kind, id }) => ({ kind, id }));
  return {
    held_on: debrief.held_on, title: debrief.title, expected: debrief.expected, happened: debrief.happened,
    broke: debrief.broke, broke_links: ids(debrief.broke_links), changed: debrief.changed,
    changed_links: ids(debrief.changed_links), actions: [], next_check: debrief.next_check,
  };
}

/** The draft as written: action rows left entirely blank are not actions. */
export function withoutBlankActions(draft: DebriefDraft): DebriefDraft {
  return { ...draft, actions: draft.actions.filter((a) => a.title || a.owner || a.due_date) };
}
