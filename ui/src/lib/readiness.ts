// How readiness reads on screen.
import type { Criterion } from './bindings/Criterion';
import type { CriterionDraft } from './bindings/CriterionDraft';
import type { CriterionStatus } from './bindings/CriterionStatus';
import type { ReadinessCategory } from './bindings/ReadinessCategory';
import type { Verdict } from './bindings/Verdict';

export const CATEGORY_LABELS: Record<ReadinessCategory, string> = {
  people: 'People',
  process: 'Process',
  technology: 'Technology',
  data: 'Data',
  support: 'Support',
};
export const CATEGORIES = Object.keys(CATEGORY_LABELS) as ReadinessCategory[];

export const CRITERION_STATUS_LABELS: Record<CriterionStatus, string> = {
  not_met: 'Not met',
  at_risk: 'At risk',
  met: 'Met',
};
export const CRITERION_STATUSES = Object.keys(CRITERION_STATUS_LABELS) as CriterionStatus[];

export const VERDICT_LABELS: Record<Verdict, string> = {
  go: 'Go',
  no_go: 'No-go',
  not_assessed: 'Not assessed',
};

/** Criteria grouped by category, in the categories' order, empty groups left out. */
export function byCategory(criteria: readonly Criterion[]): Array<{ category: ReadinessCategory; items: Criterion[] }> {
  return CATEGORIES.map((category) => ({ category, items: criteria.filter((c) => c.category === category) })).filter(
    (group) => group.items.length > 0,
  );
}

export function criterionDraftOf(criterion: Criterion): CriterionDraft {
  return {
    category: criterion.category,
    title: criterion.title,
    owner: criterion.owner,
    status: criterion.status,
    evidence: criterion.evidence,
    hard_gate: criterion.hard_gate,
  };
}
