// Where a search hit opens: the screen that shows the record, with the record itself
// opened on it (a task's dialog on the plan, a person's panel on People, ...).
import type { SearchResult } from './bindings/SearchResult';
import type { Route, RolloutTab } from './routes';

const TABS: Partial<Record<SearchResult['kind'], RolloutTab>> = {
  task: 'plan',
  criterion: 'readiness',
  risk: 'risks',
  decision: 'decisions',
  metric: 'metrics',
};

/** The route a hit opens. */
export function hitRoute(hit: SearchResult): Route {
  const tab = TABS[hit.kind];
  if (tab && hit.rollout_id) return { name: 'rollout', id: hit.rollout_id, tab, focus: hit.id };
  switch (hit.kind) {
    case 'rollout':
      return { name: 'rollout', id: hit.id };
    case 'sop':
      return { name: 'sop', id: hit.id };
    case 'person':
      return { name: 'people', focus: hit.id };
    case 'module':
      return { name: 'training', focus: hit.id };
    default:
      return { name: 'home' };
  }
}

/** The next highlighted row for an arrow key: down and up wrap around the list. */
export function moveHighlight(current: number, count: number, key: 'ArrowDown' | 'ArrowUp'): number {
  if (count === 0) return -1;
  if (key === 'ArrowDown') return current < 0 ? 0 : (current + 1) % count;
  return current <= 0 ? count - 1 : current - 1;
}
