import { describe, expect, it } from 'vitest';
import type { SopSummary } from './bindings/SopSummary';
import { parseDay } from './format';
import { moveItem, parseTags, reviewState } from './sops';

function sop(id: string, extra: Partial<SopSummary> = {}): SopSummary {
  return {
    id, code: id.toUpperCase(), title: `SOP ${id}`, owner: 'Priya Nair', status: 'approved', version: 1,
    effective_date: '2026-01-01', last_reviewed_on: null, next_review_date: '2027-06-01', approved_version: 1,
    tags: [], ...extra,
  };
}

const on = parseDay('2026-12-10') as Date;

describe('reviewState', () => {
  it('flags overdue and due within 30 days', () => {
    expect(reviewState(sop('a', { next_review_date: '2026-12-09' }), on)).toBe('overdue');
    expect(reviewState(sop('a', { next_review_date: '2027-01-09' }), on)).toBe('due');
    expect(reviewState(sop('a', { next_review_date: '2027-01-10' }), on)).toBe('later');
  });

  it('gives no cycle to drafts never approved and to retired SOPs', () => {
    expect(reviewState(sop('a', { status: 'draft', approved_version: null, next_review_date: '2026-01-01' }), on)).toBe('none');
    expect(reviewState(sop('a', { status: 'retired', next_review_date: '2026-01-01' }), on)).toBe('none');
    expect(reviewState(sop('a', { status: 'draft', version: 2, next_review_date: '2026-12-01' }), on)).toBe('overdue');
  });
});

describe('moveItem', () => {
  it('moves up, down and clamps at the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 9)).toEqual(['a', 'b', 'c']);
  });
});

describe('parseTags', () => {
  it('trims, drops blanks and repeats', () => {
    expect(parseTags(' front desk, ,EHR go-live, front desk ')).toEqual(['front desk', 'EHR go-live']);
  });
});
