import { describe, expect, it } from 'vitest';
import type { SearchResult } from './bindings/SearchResult';
import { routeHash } from './routes';
import { hitRoute, moveHighlight } from './search';

const hit = (kind: SearchResult['kind'], rollout_id: string | null = null): SearchResult => ({
  kind,
  kind_label: kind,
  id: 'x-1',
  title: 'Title',
  detail: '',
  rollout_id,
  snippet: [],
});

describe('search hits', () => {
  it('open the record on the screen that shows it', () => {
    expect(routeHash(hitRoute(hit('task', 'r-1')))).toBe('#/rollouts/r-1/plan/x-1');
    expect(routeHash(hitRoute(hit('criterion', 'r-1')))).toBe('#/rollouts/r-1/readiness/x-1');
    expect(routeHash(hitRoute(hit('risk', 'r-1')))).toBe('#/rollouts/r-1/risks/x-1');
    expect(routeHash(hitRoute(hit('decision', 'r-1')))).toBe('#/rollouts/r-1/decisions/x-1');
    expect(routeHash(hitRoute(hit('metric', 'r-1')))).toBe('#/rollouts/r-1/metrics/x-1');
    expect(routeHash(hitRoute(hit('rollout', 'x-1')))).toBe('#/rollouts/x-1');
    expect(routeHash(hitRoute(hit('sop')))).toBe('#/sops/x-1');
    expect(routeHash(hitRoute(hit('person')))).toBe('#/people/x-1');
    expect(routeHash(hitRoute(hit('module')))).toBe('#/training/x-1');
  });

  it('move the highlight with the arrows, wrapping at either end', () => {
    expect(moveHighlight(-1, 3, 'ArrowDown')).toBe(0);
    expect(moveHighlight(2, 3, 'ArrowDown')).toBe(0);
    expect(moveHighlight(0, 3, 'ArrowUp')).toBe(2);
    expect(moveHighlight(1, 3, 'ArrowUp')).toBe(0);
    expect(moveHighlight(0, 0, 'ArrowDown')).toBe(-1);
  });
});
