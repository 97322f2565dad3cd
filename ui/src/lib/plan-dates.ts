// Changes of many tasks' dates at once (a go-live move, the tasks that wait for a late
// one) end with an Undo, like the trash's: it puts back exactly the dates they replaced,
// or says why it cannot (a task edited since).
import { api, toCommandError } from './api';
import type { DatesUndo } from './bindings/DatesUndo';
import { toasts } from './toasts.svelte';

export function offerDatesUndo(message: string, undo: DatesUndo | null, onundone: () => void): void {
  if (!undo) {
    toasts.show(message);
    return;
  }
  toasts.show(message, {
    action: {
      label: 'Undo',
      run: async () => {
        try {
          await api.undoPlanDates(undo);
          toasts.show('The dates are back as they were.');
        } catch (e) {
          toasts.show(toCommandError(e).message, { tone: 'error' });
        } finally {
          onundone();
        }
      },
    },
  });
}

/** "3 tasks", "1 task". */
export function taskCount(count: number): string {
  return `${count} task${count === 1 ? '' : 's'}`;
}

/** What the person chose when a task's new dates would move what waits for it. */
export type ScheduleChoice = 'move' | 'only' | 'cancel';
