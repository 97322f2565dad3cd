import { describe, expect, it } from 'vitest';
import { emptyDraft, sameDraft, withoutRefusedFields } from './drafts';

describe('withoutRefusedFields', () => {
  const stored = { ...emptyDraft(), name: 'EHR go-live', owner: 'Dana', go_live_date: '2027-01-16' };

  it('puts refused fields back and keeps every other edit', () => {
    const edited = { ...stored, owner: 'Marcus', go_live_date: '0001-12-01', name: '' };
    const rest = withoutRefusedFields(edited, stored, ['go_live_date', 'name']);
    expect(rest.owner, 'the valid edit is kept').toBe('Marcus');
    expect(rest.go_live_date).toBe('2027-01-16');
    expect(rest.name).toBe('EHR go-live');
  });

  it('ignores field names the draft does not have', () => {
    const edited = { ...stored, owner: 'Marcus' };
    expect(withoutRefusedFields(edited, stored, ['row_version'])).toEqual(edited);
  });

  it('tells when nothing is left to save', () => {
    const edited = { ...stored, name: '' };
    expect(sameDraft(withoutRefusedFields(edited, stored, ['name']), stored)).toBe(true);
  });
});
