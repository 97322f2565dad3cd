import { describe, expect, it } from 'vitest';
import type { MatrixCell } from './bindings/MatrixCell';
import { cellLook, completionText, noSitesMeaning, pageText, siteChoices, whereText } from './training';

function cell(extra: Partial<MatrixCell>): MatrixCell {
  return { record_id: 'r', status: 'assigned', due_date: '2026-12-01', overdue: false, completed_on: null, row_version: 1, ...extra };
}

describe('cellLook', () => {
  it('gives every status a symbol and a word, not only a colour', () => {
    expect(cellLook(cell({ status: 'completed' }))).toEqual({ symbol: '✓', text: 'Completed', tone: 'done' });
    expect(cellLook(cell({ status: 'waived' })).text).toBe('Waived');
    expect(cellLook(cell({ status: 'in_progress' })).symbol).toBe('◐');
    expect(cellLook(cell({})).text).toBe('Assigned');
  });

  it('shows overdue over assigned or in progress, never over done', () => {
    expect(cellLook(cell({ overdue: true })).tone).toBe('overdue');
    expect(cellLook(cell({ status: 'in_progress', overdue: true })).tone).toBe('overdue');
    expect(cellLook(cell({ status: 'completed', overdue: true })).tone).toBe('done');
  });
});

describe('completion', () => {
  it('reads like a practice manager says it', () => {
    expect(completionText({ role_id: 'f', role_name: 'Front desk', people: 18, trained: 14, overdue: 4, percent: 78 })).toBe(
      '14 of 18 fully trained (78%); 4 overdue',
    );
    expect(completionText({ role_id: 'm', role_name: 'MA', people: 5, trained: 5, overdue: 0, percent: 100 })).toBe(
      '5 of 5 fully trained (100%)',
    );
  });
});

describe('pageText', () => {
  it('says which people a page shows', () => {
    expect(pageText(0, 3, 3)).toBe('3 people');
    expect(pageText(100, 100, 1000)).toBe('People 101–200 of 1,000');
    expect(pageText(0, 0, 0)).toBe('No one');
  });
});

describe('training by site', () => {
  it("offers the rollout's sites first, then other departments, each once", () => {
    expect(siteChoices(['Riverside', 'Northgate'], ['Eastside', 'riverside', '', 'Billing'])).toEqual([
      'Riverside',
      'Northgate',
      'Billing',
      'Eastside',
    ]);
  });

  it('says where a requirement applies', () => {
    expect(whereText(['Eastside'], ['Riverside'])).toBe('Eastside');
    expect(whereText([], ['Riverside'])).toBe('All sites');
    expect(whereText([], [])).toBe('Everyone in the role');
    expect(noSitesMeaning(['Riverside'])).toContain('Riverside');
    expect(noSitesMeaning([])).toContain('everyone');
  });
});
