// How readiness reads on screen (the labels come from the core, generated).
import type { Criterion } from './bindings/Criterion';
import type { CriterionDraft } from './bindings/CriterionDraft';
import type { CriterionStatus } from './bindings/CriterionStatus';
import type { ReadinessCategory } from './bindings/ReadinessCategory';
import { CRITERION_STATUS_LABELS, READINESS_CATEGORY_LABELS, VERDICT_LABELS } from './generated/labels';

export { READINESS_CATEGORY_LABELS as CATEGORY_LABELS, CRITERION_STATUS_LABELS, VERDICT_LABELS };
export const CATEGORIES = Object.keys(READINESS_CATEGORY_LABELS) as ReadinessCategory[];
export const CRITERION_STATUSES = Object.keys(CRITERION_STATUS_LABELS) as CriterionStatus[];

/** Criteria grouped by category, in the categories' order, empty groups left out. */
export function byCategory(criteria: readonly Criterion[]): Array<{ category: ReadinessCategory; items: Criterion[] }> {
  return CATEGORIES.map((category) => ({ category, items: criteria.filter((c) => c.category === category) })).filter(
    (group) => group.items.length > 0,
  );
}

/** A criterion as a draft for its dialog (the owner by name, as the owner field shows it). */
export function criterionDraftOf(criterion: Criterion | null): CriterionDraft {
  if (!criterion) return emptyCriterionDraft();
  return {
    category: criterion.category,
    title: criterion.title,
    owner: criterion.owner_name,
    owner_role: criterion.owner_role,
    status: criterion.status,
    evidence: criterion.evidence,
    evidence_link: criterion.evidence_link,
    evidence_file: criterion.evidence_file,
    hard_gate: criterion.hard_gate,
  };
}

export function emptyCriterionDraft(category: ReadinessCategory = 'people'): CriterionDraft {
  return {
    category,
    title: '',
    owner: '',
    owner_role: '',
    status: 'not_met',
    evidence: '',
    evidence_link: '',
    evidence_file: '',
    hard_gate: false,
  };
}

/** Who owns a criterion as the list shows it: the person, else the usual role. */
export function criterionOwner(criterion: Criterion): string {
  if (criterion.owner_name) return criterion.owner_name;
  if (criterion.owner_role) return `Owner role: ${criterion.owner_role}`;
  return 'No owner yet';
}

/** Whether `link` is a web address the backend will take (it says why when not). */
export function isWebLink(link: string): boolean {
  return /^https?:\/\/[^\s/?#]+\S*$/i.test(link.trim());
}
