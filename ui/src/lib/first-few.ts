// Home and a rollout's overview show the first few of a long list, with a button for
// the rest: a calm page (and a quick first paint) even when a health system has
// hundreds of metrics past their levels or SOPs due for review.

export const FIRST_FEW = 8;

/** The items to show: the first few, or all of them once expanded. */
export function firstFew<T>(items: readonly T[], expanded: boolean): readonly T[] {
  return expanded ? items : items.slice(0, FIRST_FEW);
}

/** The button's words; `null` when the list is short enough to show whole. */
export function showAllLabel(total: number, expanded: boolean): string | null {
  if (total <= FIRST_FEW) return null;
  return expanded ? 'Show fewer' : `Show all ${total}`;
}
