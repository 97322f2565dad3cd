// The plan's rules the screens share: labels, filtering and sorting the task list, and
// turning a task back into the draft the backend takes.
import type { Task } from './bindings/Task';
import type { TaskDraft } from './bindings/TaskDraft';
import type { TaskStatus } from './bindings/TaskStatus';
import { TASK_STATUS_LABELS } from './generated/labels';

export { TASK_STATUS_LABELS };

export interface TaskFilter {
  owner: string | null;
  status: TaskStatus | null;
  phaseId: string | null;
}

export type TaskSort = 'plan' | 'due' | 'start' | 'owner' | 'status' | 'title';

export function filterTasks(tasks: Task[], filter: TaskFilter): Task[] {
  return tasks.filter(
    (t) =>
      (filter.owner === null || t.owner_name === filter.owner) &&
      (filter.status === null || t.status === filter.status) &&
      (filter.phaseId === null || t.phase_id === filter.phaseId),
  );
}

const STATUS_ORDER: Record<TaskStatus, number> = { blocked: 0, doing: 1, todo: 2, done: 3 };

/** Sorted copy; undated tasks go last, and ties keep the plan's order. */
export function sortTasks(tasks: Task[], sort: TaskSort): Task[] {
  if (sort === 'plan') return tasks;
  const byDate = (pick: (t: Task) => string | null) => (a: Task, b: Task) => {
    const [x, y] = [pick(a), pick(b)];
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -1 : 1;
  };
  const compare: Record<Exclude<TaskSort, 'plan'>, (a: Task, b: Task) => number> = {
    due: byDate((t) => t.due_date),
    start: byDate((t) => t.start_date),
    owner: (a, b) => (a.owner_name || '\uffff').localeCompare(b.owner_name || '\uffff'),
    status: (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status],
    title: (a, b) => a.title.localeCompare(b.title),
  };
  return [...tasks].sort(compare[sort]);
}

export function taskDraftOf(task: Task): TaskDraft {
  return {
    title: task.title,
    phase_id: task.phase_id,
    kind: task.kind,
    owner: task.owner_name,
    start_date: task.start_date,
    due_date: task.due_date,
    status: task.status,
    percent_complete: task.percent_complete,
    notes: task.notes,
  };
}

export function emptyTaskDraft(): TaskDraft {
  return { title: '', phase_id: null, kind: 'task', owner: '', start_date: null, due_date: null, status: 'todo', percent_complete: null, notes: '' };
}
