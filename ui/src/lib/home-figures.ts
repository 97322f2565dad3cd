// Home's figures: each rollout's readiness line, the programmes its waves are grouped
// under, and the first few SOPs due for review and metrics needing action with their
// totals, in one answer from the core (`home_figures`). Home is the first screen, so the
// app asks for them with its very first requests (see App.svelte) instead of once Home
// has been drawn: the answer is on its way while the page is still being built.
import { api } from './api';
import type { HomeFigures } from './bindings/HomeFigures';
import { FIRST_FEW } from './first-few';

/** How far ahead Home looks for SOPs due for review. */
export const SOP_REVIEW_WINDOW_DAYS = 30;

let early: Promise<HomeFigures> | null = null;

const fetchHomeFigures = (): Promise<HomeFigures> => api.homeFigures(SOP_REVIEW_WINDOW_DAYS, FIRST_FEW);

/** Starts asking for Home's figures now, for the next `homeFigures()` to pick up. */
export function startHomeFigures(): void {
  early = fetchHomeFigures();
  // Home may never be shown (the database could not be opened): a refusal then is
  // nobody's to handle.
  early.catch(() => {});
}

/** Home's figures: the ones asked for early if they are still unclaimed, else fresh. */
export function homeFigures(): Promise<HomeFigures> {
  const figures = early ?? fetchHomeFigures();
  early = null;
  return figures;
}

/** Every SOP due for review, for Home's *Show all*. */
export const allSopsDue = () => api.sopsDueForReview(SOP_REVIEW_WINDOW_DAYS);

/** Every metric needing action, for Home's *Show all*. */
export const allMetricsNeedingAttention = () => api.metricsNeedingAttention(null);
