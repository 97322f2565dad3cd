// The SOP library's rules that the screens share: labels, review state and moving
// steps (the library's filters and search are the backend's: `sop_library_page`).
import type { Sop } from './bindings/Sop';
import type { SopDraft } from './bindings/SopDraft';
import type { SopRelation } from './bindings/SopRelation';
import type { SopStatus } from './bindings/SopStatus';
import type { SopSummary } from './bindings/SopSummary';
import { daysUntil } from './format';
import { SOP_RELATION_LABELS, SOP_STATUS_LABELS } from './generated/labels';

export { SOP_STATUS_LABELS, SOP_RELATION_LABELS as RELATION_LABELS };

/** How soon an SOP's review falls: the library and Home flag the due and the overdue. */
export const REVIEW_WINDOW_DAYS = 30;

export type ReviewState = 'overdue' | 'due' | 'later' | 'none';

/** Only an SOP in force has a review cycle; retired ones have none. */
export function reviewState(sop: SopSummary, from: Date): ReviewState {
  if (sop.status === 'retired' || sop.approved_version === null) return 'none';
  const days = daysUntil(sop.next_review_date, from);
  if (days === null) return 'none';
  if (days < 0) return 'overdue';
  return days <= REVIEW_WINDOW_DAYS ? 'due' : 'later';
}

/** Distinct non-empty values, sorted, for a filter's options. */
export function distinct(values: string[]): string[] {
  return [...new Set(values.filter((v) => v.trim() !== ''))].sort((a, b) => a.localeCompare(b));
}

/** The list with the item at `from` moved to `to` (both clamped to the list). */
export function moveItem<T>(items: T[], from: number, to: number): T[] {
  const last = items.length - 1;
  const source = Math.max(0, Math.min(from, last));
  const target = Math.max(0, Math.min(to, last));
  if (source === target) return items;
  const moved = [...items];
  const [item] = moved.splice(source, 1);
  moved.splice(target, 0, item as T);
  return moved;
}

/** Tags typed as "front desk, EHR go-live". */
export function parseTags(text: string): string[] {
  return distinctInOrder(text.split(',').map((t) => t.trim()).filter(Boolean));
}

function distinctInOrder(values: string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) === i);
}

export function sopDraftOf(sop: Sop): SopDraft {
  return {
    code: sop.code,
    title: sop.title,
    purpose: sop.purpose,
    scope: sop.scope,
    owner: sop.owner,
    status: sop.status,
    effective_date: sop.effective_date,
    review_interval_months: sop.review_interval_months,
    next_review_override: sop.next_review_override,
    tags: [...sop.tags],
    steps: sop.steps.map((s) => ({ ...s })),
    exceptions: sop.exceptions.map((e) => ({ ...e })),
    replaces: sop.replaces,
  };
}
