// A tiny hash router: the app has a handful of screens and no server, so the URL hash
// is the whole navigation state (and survives a reload of the webview).
import type { PrintedPart } from './plan-print';

/** The sections of a rollout's workspace; the overview is the default. */
export const ROLLOUT_TABS = [
  'overview',
  'plan',
  'readiness',
  'metrics',
  'risks',
  'decisions',
  'comms',
  'stakeholders',
  'scope',
  'status',
  'debriefs',
] as const;
export type RolloutTab = (typeof ROLLOUT_TABS)[number];

export type Route =
  | { name: 'home' }
  /** What falls to a person this week across every rollout; without an id, to "me". */
  | { name: 'week'; personId?: string }
  /** `focus`: the record of the tab to open (a task, a risk, ...), as search lands on it. */
  | { name: 'rollout'; id: string; tab?: RolloutTab; focus?: string }
  | { name: 'people'; focus?: string }
  | { name: 'training'; focus?: string }
  /** Every programme: rollouts repeated site by site in waves. */
  | { name: 'programmes' }
  | { name: 'programme'; id: string }
  | { name: 'sops' }
  | { name: 'sop'; id: string }
  /** One SOP laid out for paper: the working copy, or an approved version. */
  | { name: 'sopPrint'; id: string; version: number | null }
  /** A rollout's plan, Gantt chart or readiness checklist laid out for paper. */
  | { name: 'planPrint'; id: string; part: PrintedPart }
  /** One SOP's map beside another version's, or beside the SOP it replaces. */
  | { name: 'sopCompare'; id: string }
  /** Every exception of the library: trigger, whom it goes to, within what time. */
  | { name: 'escalations' }
  | { name: 'trash' }
  /** The weekly status of every active rollout together. */
  | { name: 'portfolioStatus' }
  | { name: 'importBundle' }
  | { name: 'settings' };

/** Reads a route from a location hash such as `#/rollouts/0193…`. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'rollouts' && parts[1]) {
    const id = decodeURIComponent(parts[1]);
    if (parts[2] === 'print') {
      const part = (['plan', 'gantt', 'readiness'] as const).find((p) => p === parts[3]) ?? 'plan';
      return { name: 'planPrint', id, part };
    }
    const tab = ROLLOUT_TABS.find((t) => t === parts[2] && t !== 'overview');
    if (!tab) return { name: 'rollout', id };
    return parts[3] ? { name: 'rollout', id, tab, focus: decodeURIComponent(parts[3]) } : { name: 'rollout', id, tab };
  }
  if (parts[0] === 'programmes' && parts[1]) return { name: 'programme', id: decodeURIComponent(parts[1]) };
  if (parts[0] === 'programmes') return { name: 'programmes' };
  if (parts[0] === 'week') return parts[1] ? { name: 'week', personId: decodeURIComponent(parts[1]) } : { name: 'week' };
  if (parts[0] === 'people') return parts[1] ? { name: 'people', focus: decodeURIComponent(parts[1]) } : { name: 'people' };
  if (parts[0] === 'training') return parts[1] ? { name: 'training', focus: decodeURIComponent(parts[1]) } : { name: 'training' };
  if (parts[0] === 'sops' && parts[1]) {
    const id = decodeURIComponent(parts[1]);
    if (parts[2] === 'compare') return { name: 'sopCompare', id };
    if (parts[2] !== 'print') return { name: 'sop', id };
    const version = Number(parts[3]);
    return { name: 'sopPrint', id, version: Number.isInteger(version) && version > 0 ? version : null };
  }
  if (parts[0] === 'sops') return { name: 'sops' };
  if (parts[0] === 'escalations') return { name: 'escalations' };
  if (parts[0] === 'trash') return { name: 'trash' };
  if (parts[0] === 'status') return { name: 'portfolioStatus' };
  if (parts[0] === 'import') return { name: 'importBundle' };
  if (parts[0] === 'settings') return { name: 'settings' };
  return { name: 'home' };
}

/** The hash for a route; the inverse of parseRoute. */
export function routeHash(route: Route): string {
  switch (route.name) {
    case 'rollout': {
      const tab = route.tab && route.tab !== 'overview' ? `/${route.tab}` : '';
      return `#/rollouts/${encodeURIComponent(route.id)}${tab}${tab && route.focus ? `/${encodeURIComponent(route.focus)}` : ''}`;
    }
    case 'week':
      return route.personId ? `#/week/${encodeURIComponent(route.personId)}` : '#/week';
    case 'planPrint':
      return `#/rollouts/${encodeURIComponent(route.id)}/print/${route.part}`;
    case 'programmes':
      return '#/programmes';
    case 'programme':
      return `#/programmes/${encodeURIComponent(route.id)}`;
    case 'people':
      return route.focus ? `#/people/${encodeURIComponent(route.focus)}` : '#/people';
    case 'training':
      return route.focus ? `#/training/${encodeURIComponent(route.focus)}` : '#/training';
    case 'sops':
      return '#/sops';
    case 'sop':
      return `#/sops/${encodeURIComponent(route.id)}`;
    case 'sopPrint':
      return `#/sops/${encodeURIComponent(route.id)}/print${route.version === null ? '' : `/${route.version}`}`;
    case 'sopCompare':
      return `#/sops/${encodeURIComponent(route.id)}/compare`;
    case 'escalations':
      return '#/escalations';
    case 'trash':
      return '#/trash';
    case 'portfolioStatus':
      return '#/status';
    case 'importBundle':
      return '#/import';
    case 'settings':
      return '#/settings';
    case 'home':
      return '#/';
  }
}
