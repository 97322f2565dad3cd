import { describe, expect, it } from 'vitest';
import type { Criterion } from './bindings/Criterion';
import { byCategory, criterionDraftOf, criterionOwner, isWebLink } from './readiness';

function criterion(id: string, category: Criterion['category'], extra: Partial<Criterion> = {}): Criterion {
  return {
    id, rollout_id: 'r', category, title: id, owner_id: null, owner_name: '', owner_role: '', status: 'not_met',
    evidence: '', evidence_link: '', evidence_file: '', hard_gate: false, row_version: 1, ...extra,
  };
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
      ['category', 'evidence', 'evidence_file', 'evidence_link', 'hard_gate', 'owner', 'owner_role', 'status', 'title'],
    );
  });

  it('shows the person who owns a criterion, else the role that usually does', () => {
    expect(criterionOwner(criterion('a', 'people', { owner_name: 'Dana Whitfield', owner_role: 'Training lead' }))).toBe('Dana Whitfield');
    expect(criterionOwner(criterion('a', 'people', { owner_role: 'Training lead' }))).toBe('Owner role: Training lead');
    expect(criterionOwner(criterion('a', 'people'))).toBe('No owner yet');
  });

  it('takes http and https links only', () => {
    expect(isWebLink('https://intranet/go-live/test-log'), 'an https link is a link').toBe(true);
    expect(isWebLink('HTTP://intranet'), 'the scheme is not case-sensitive').toBe(true);
    expect(isWebLink('intranet/test-log'), 'an address without a scheme is refused').toBe(false);
    expect(isWebLink('javascript:alert(1)'), 'only web links are kept').toBe(false);
    expect(isWebLink('https://'), 'a link needs a site').toBe(false);
  });
});
