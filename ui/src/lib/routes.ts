// A tiny hash router: the app has a handful of screens and no server, so the URL hash
// is the whole navigation state (and survives a reload of the webview).

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
  | { name: 'rollout'; id: string; tab?: RolloutTab }
  /** Every programme: rollouts repeated site by site in waves. */
  | { name: 'programmes' }
  | { name: 'programme'; id: string }
  | { name: 'people' }
  | { name: 'training' }
  | { name: 'sops' }
  | { name: 'sop'; id: string }
  /** One SOP laid out for paper: the working copy, or an approved version. */
  | { name: 'sopPrint'; id: string; version: number | null }
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
    const tab = ROLLOUT_TABS.find((t) => t === parts[2] && t !== 'overview');
    return tab ? { name: 'rollout', id, tab } : { name: 'rollout', id };
  }
  if (parts[0] === 'programmes' && parts[1]) return { name: 'programme', id: decodeURIComponent(parts[1]) };
  if (parts[0] === 'programmes') return { name: 'programmes' };
  if (parts[0] === 'people') return { name: 'people' };
  if (parts[0] === 'training') return { name: 'training' };
  if (parts[0] === 'sops' && parts[1]) {
    const id = decodeURIComponent(parts[1]);
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
    case 'rollout':
      return `#/rollouts/${encodeURIComponent(route.id)}${route.tab && route.tab !== 'overview' ? `/${route.tab}` : ''}`;
    case 'programmes':
      return '#/programmes';
    case 'programme':
      return `#/programmes/${encodeURIComponent(route.id)}`;
    case 'people':
      return '#/people';
    case 'training':
      return '#/training';
    case 'sops':
      return '#/sops';
    case 'sop':
      return `#/sops/${encodeURIComponent(route.id)}`;
    case 'sopPrint':
      return `#/sops/${encodeURIComponent(route.id)}/print${route.version === null ? '' : `/${route.version}`}`;
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
