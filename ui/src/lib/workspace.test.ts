import { describe, expect, it } from 'vitest';
import type { Stakeholder } from './bindings/Stakeholder';
import { stakeholderDraftOf, workstreams } from './workspace';

describe('workstreams', () => {
  it('lists each workstream once, in the order first named', () => {
    const person = (raci: Stakeholder['raci']): Stakeholder => ({
      ...stakeholderDraftOf(null), id: 'x', rollout_id: 'r', row_version: 1, raci,
    });
    expect(
      workstreams([
        person([{ workstream: 'Training', role: 'responsible' }, { workstream: 'Cutover', role: 'informed' }]),
        person([{ workstream: 'Cutover', role: 'accountable' }, { workstream: 'Comms', role: 'consulted' }]),
      ]),
    ).toEqual(['Training', 'Cutover', 'Comms']);
  });
});
