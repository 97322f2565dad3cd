// What a debrief can link to: the rollout's tasks, risks and metrics (what broke) and its
// decisions (what we changed), as choices with the words a person knows them by.
import type { Decision } from './bindings/Decision';
import type { LinkKind } from './bindings/LinkKind';
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
