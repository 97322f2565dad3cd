import { describe, expect, it } from 'vitest';
import type { Decision } from './bindings/Decision';
import type { Metric } from './bindings/Metric';
import type { Risk } from './bindings/Risk';
import type { Task } from './bindings/Task';
import { brokeChoices, changedChoices } from './debriefs';

describe('debrief links', () => {
  it('offers tasks, risks and metrics for what broke, and decisions for what changed', () => {
    const task = { id: 't1', title: 'Live-test interfaces' } as Task;
    const risk = { id: 'r1', title: 'Lab results routing defects' } as Risk;
    const metric = { id: 'm1', name: 'Charts closed same day' } as Metric;
    const decision = { id: 'd1', title: 'Lab interface moves to phase 2' } as Decision;
    expect(brokeChoices([task], [risk], [metric])).toEqual([
      { kind: 'task', id: 't1', label: 'Live-test interfaces' },
      { kind: 'risk', id: 'r1', label: 'Lab results routing defects' },
      { kind: 'metric', id: 'm1', label: 'Charts closed same day' },
    ]);
    expect(changedChoices([decision])).toEqual([{ kind: 'decision', id: 'd1', label: 'Lab interface moves to phase 2' }]);
  });
});
