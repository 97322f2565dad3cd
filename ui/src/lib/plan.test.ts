import { describe, expect, it } from 'vitest';
import type { Task } from './bindings/Task';
import { filterTasks, sortTasks, taskDraftOf } from './plan';

function task(id: string, extra: Partial<Task> = {}): Task {
  return {
    id, rollout_id: 'r', phase_id: 'p1', phase_name: 'Build', title: `Task ${id}`, kind: 'task', owner_id: null,
    owner_name: '', start_date: null, due_date: null, status: 'todo', percent_complete: 0, number: 1, notes: '', depends_on: [],
    created_at: '', updated_at: '', deleted_at: null, row_version: 1, ...extra,
  };
}

const plan = [
  task('a', { due_date: '2027-01-10', owner_name: 'Priya Nair', status: 'doing' }),
  task('b', { due_date: null, phase_id: 'p2', status: 'blocked' }),
  task('c', { due_date: '2026-12-01', owner_name: 'Marcus Bell', status: 'done' }),
];

describe('filterTasks', () => {
  it('filters by owner, status and phase together', () => {
    const none = { owner: null, status: null, phaseId: null };
    expect(filterTasks(plan, none).map((t) => t.id)).toEqual(['a', 'b', 'c']);
    expect(filterTasks(plan, { ...none, owner: 'Priya Nair' }).map((t) => t.id)).toEqual(['a']);
    expect(filterTasks(plan, { ...none, phaseId: 'p1', status: 'done' }).map((t) => t.id)).toEqual(['c']);
  });
});

describe('sortTasks', () => {
  it('sorts by due date with undated tasks last', () => {
    expect(sortTasks(plan, 'due').map((t) => t.id)).toEqual(['c', 'a', 'b']);
  });
  it('puts blocked work first when sorting by status', () => {
    expect(sortTasks(plan, 'status').map((t) => t.id)).toEqual(['b', 'a', 'c']);
  });
  it('keeps the plan order by default', () => {
    expect(sortTasks(plan, 'plan')).toBe(plan);
  });
});

describe('taskDraftOf', () => {
  it('names the owner as the directory does', () => {
    expect(taskDraftOf(task('a', { owner_name: 'Priya Nair' })).owner).toBe('Priya Nair');
  });
});
