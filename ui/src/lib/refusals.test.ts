import { describe, expect, it } from 'vitest';
import { CommandError } from './api';
import { draftOf, editedFields } from './drafts';
import type { Rollout } from './bindings/Rollout';

const VIEWER = 'You can view this workspace; ask Dana Whitfield to make you an editor.';

const stored = {
  id: 'r1',
  name: 'Check-in kiosks',
  kind: 'ehr_go_live',
  goal: '',
  sites: ['Main Street'],
  sponsor: '',
  owner: '',
  start_date: null,
  go_live_date: '2027-03-01',
  phase: 'planning',
  scope_in: '',
  scope_out: '',
} as unknown as Rollout;

describe("a viewer's refused edit", () => {
  it('names the fields the person changed, and only those', () => {
    const draft = { ...draftOf(stored), owner: 'Anna Lee', sites: ['Main Street', 'Elm Road'] };
    expect(editedFields(draft, draftOf(stored))).toEqual(['sites', 'owner']);
    expect(editedFields(draftOf(stored), draftOf(stored))).toEqual([]);
  });

  it('is told at each edited field, as a refused value is', () => {
    const refusal = new CommandError({
      code: 'view_only',
      message: VIEWER,
      field: null,
      fields: [],
      problems: [],
      more_problems: 0,
    });
    const draft = { ...draftOf(stored), owner: 'Anna Lee' };
    const atField = refusal.atFields(editedFields(draft, draftOf(stored)));
    expect(atField.code).toBe('view_only');
    expect(atField.fieldMessage('owner')).toBe(VIEWER);
    expect(atField.fieldMessage('goal')).toBeUndefined();
    expect(refusal.atFields([])).toBe(refusal);
  });
});
