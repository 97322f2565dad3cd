import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from './routes';

describe('routes', () => {
  it('round-trips every route through the hash', () => {
    for (const route of [
      { name: 'home' },
      { name: 'week' },
      { name: 'planPrint', id: 'abc', part: 'gantt' },
      { name: 'planPrint', id: 'abc', part: 'readiness' },
      { name: 'week', personId: '0193a6f2 b' },
      { name: 'rollout', id: '0193a6f2-7c1d-7e55-9d1a-2f7f1c9a8b10' },
      { name: 'rollout', id: 'abc', tab: 'plan' },
      { name: 'rollout', id: 'abc', tab: 'stakeholders' },
      { name: 'rollout', id: 'abc', tab: 'status' },
      { name: 'rollout', id: 'abc', tab: 'risks', focus: 'r-1' },
      { name: 'programmes' },
      { name: 'programme', id: '0193a6f2-7c1d-7e55-9d1a-2f7f1c9a8b10' },
      { name: 'people' },
      { name: 'people', focus: 'p-1' },
      { name: 'training' },
      { name: 'training', focus: 'm-1' },
      { name: 'sops' },
      { name: 'escalations' },
      { name: 'sop', id: 'abc' },
      { name: 'sopPrint', id: 'abc', version: null },
      { name: 'sopPrint', id: 'abc', version: 2 },
      { name: 'sopCompare', id: 'abc' },
      { name: 'trash' },
      { name: 'portfolioStatus' },
      { name: 'importBundle' },
      { name: 'settings' },
    ] as const) {
      expect(parseRoute(routeHash(route))).toEqual(route);
    }
  });

  it('sends unknown or empty hashes home', () => {
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/nowhere')).toEqual({ name: 'home' });
    expect(parseRoute('#/rollouts/')).toEqual({ name: 'home' });
    expect(parseRoute('#/rollouts/abc/nowhere')).toEqual({ name: 'rollout', id: 'abc' });
    expect(parseRoute('#/rollouts/abc/overview')).toEqual({ name: 'rollout', id: 'abc' });
    expect(parseRoute('#/sops/abc/print/x')).toEqual({ name: 'sopPrint', id: 'abc', version: null });
  });
});
