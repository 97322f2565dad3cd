import { describe, expect, it } from 'vitest';
import type { TaskImportReport } from './bindings/TaskImportReport';
import { choiceOf, choiceValue, importOptions, importSummary, waitingFor } from './task-import';

function report(extra: Partial<TaskImportReport> = {}): TaskImportReport {
  return {
    file: 'vendor.csv', tasks_added: 5, dependencies_added: 1, new_phases: [], owners: [], people_added: [],
    tasks_unassigned: 0, problems: [], more_problems: 0, can_import: true, notes: [], ...extra,
  };
}

describe('task import choices', () => {
  it('round-trips every choice through the select', () => {
    for (const choice of [{ kind: 'add_external' }, { kind: 'unassigned' }, { kind: 'person', person_id: 'p1' }] as const)
      expect(choiceOf(choiceValue(choice)), 'a choice survives the select').toEqual(choice);
    expect(choiceOf(choiceValue(null)), 'no choice stays none').toBeNull();
  });

  it('sends only the names a choice was made for', () => {
    expect(importOptions({ 'Jordan Blake': 'add', 'Sam Lee': '', 'Priya Nair': 'person:p2' })).toEqual({
      owners: [
        { name: 'Jordan Blake', choice: { kind: 'add_external' } },
        { name: 'Priya Nair', choice: { kind: 'person', person_id: 'p2' } },
      ],
      other_owners: 'refuse',
    });
  });

  it('says what the import does and what still stops it', () => {
    expect(importSummary(report({ people_added: ['A', 'B'], tasks_unassigned: 3 }))).toBe(
      '5 tasks and 1 dependency will be added. It adds 2 external people to People, leaves 3 tasks unassigned.',
    );
    expect(
      importSummary(report({ notes: ['3 constraints were not imported: the plan keeps its own dates.'] })),
      'a Microsoft Project plan says what the plan does not keep',
    ).toBe('5 tasks and 1 dependency will be added. 3 constraints were not imported: the plan keeps its own dates.');
    const unsettled = { name: 'Sam Lee', tasks: 1, rows: [3], namesakes: [], similar: false, resolution: null };
    expect(waitingFor(report({ owners: [unsettled], more_problems: 2, can_import: false }))).toBe(
      'To import, choose what to do for 1 owner and fix 2 problems in the file.',
    );
    expect(waitingFor(report()), 'nothing waits when all is settled').toBe('');
  });
});
