import { describe, expect, it } from 'vitest';
import type { Criterion } from './bindings/Criterion';
import { byCategory, criterionDraftOf } from './readiness';

function criterion(id: string, category: Criterion['category']): Criterion {
  return { id, rollout_id: 'r', category, title: id, owner: '', status: 'not_met', evidence: '', hard_gate: false, row_version: 1 };
}

describe('byCategory', () => {
  it('groups in the fixed category order and skips empty groups', () => {
    const groups = byCategory([criterion('a', 'data'), criterion('b', 'people'), criterion('c', 'data')]);
    expect(groups.map((g) => [g.category, g.items.map((c) => c.id)])).toEqual([
      ['people', ['b']],
      ['data', ['a', 'c']],
    ]);
  });

  it('turns a criterion back into a draft with every editable field', () => {
    expect(Object.keys(criterionDraftOf(criterion('a', 'people'))).sort()).toEqual(
      ['category', 'evidence', 'hard_gate', 'owner', 'status', 'title'],
    );
  });
});
