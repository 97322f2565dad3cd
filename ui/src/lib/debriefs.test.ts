import { describe, expect, it } from 'vitest';
import type { Decision } from './bindings/Decision';
import type { Metric } from './bindings/Metric';
import type { Risk } from './bindings/Risk';
import type { Task } from './bindings/Task';
import type { Debrief } from './bindings/Debrief';
import { brokeChoices, changedChoices, debriefDraftOf, withoutBlankActions } from './debriefs';

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

describe('debrief drafts', () => {
  const debrief: Debrief = {
    id: 'b1', rollout_id: 'r', held_on: '2027-03-05', title: 'Go-live week', expected: 'Results within the hour',
    happened: 'Queued for two days', broke: 'Unknown codes', broke_links: [{ kind: 'risk', id: 'r1', label: 'Codes' }],
    changed: 'Paper requisitions', changed_links: [{ kind: 'decision', id: 'd1', label: 'Paper' }],
    actions: [{ task_id: 't9', title: 'Map codes', owner_name: 'Dana', due_date: '2027-03-12', status: 'todo' }],
    next_check: 'Test every code', row_version: 3,
  };

  it('starts an edit from the debrief as read, its links as ids and no new actions', () => {
    const draft = debriefDraftOf(debrief, '2027-04-01');
    expect(draft.held_on).toBe('2027-03-05');
    expect(draft.broke_links).toEqual([{ kind: 'risk', id: 'r1' }]);
    expect(draft.changed_links).toEqual([{ kind: 'decision', id: 'd1' }]);
    expect(draft.actions).toEqual([]);
    expect(draft.next_check).toBe('Test every code');
  });

  it('starts a new debrief today with one empty action row, which is not written when left blank', () => {
    const draft = debriefDraftOf(null, '2027-04-01');
    expect(draft.held_on).toBe('2027-04-01');
    expect(draft.actions).toHaveLength(1);
    expect(withoutBlankActions(draft).actions).toEqual([]);
    const withOwner = { ...draft, actions: [{ title: '', owner: 'Dana', due_date: '' }] };
    expect(withoutBlankActions(withOwner).actions).toHaveLength(1);
  });
});
