// Home's figures: each rollout's readiness line, the programmes its waves are grouped
// under, the SOPs due for review and the metrics needing action. Home is the first screen, so the app asks for them with its very first
// requests (see App.svelte) instead of once Home has been drawn: the answers are on
// their way while the page is still being built.
import { api } from './api';
import type { MetricStatus } from './bindings/MetricStatus';
import type { ProgrammeWaves } from './bindings/ProgrammeWaves';
import type { RolloutStatus } from './bindings/RolloutStatus';
import type { SopSummary } from './bindings/SopSummary';

export interface HomeFigures {
  statuses: RolloutStatus[];
  programmes: ProgrammeWaves[];
  sopsDue: SopSummary[];
  metricsAttention: MetricStatus[];
}

/** How far ahead Home looks for SOPs due for review. */
export const SOP_REVIEW_WINDOW_DAYS = 30;

let early: Promise<HomeFigures> | null = null;

async function fetchHomeFigures(): Promise<HomeFigures> {
  const [statuses, programmes, sopsDue, metricsAttention] = await Promise.all([
    api.rolloutStatuses(),
    api.listProgrammes(),
    api.sopsDueForReview(SOP_REVIEW_WINDOW_DAYS),
    api.metricsNeedingAttention(null),
  ]);
  return { statuses, programmes, sopsDue, metricsAttention };
}

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
