// Undo and redo from the header and Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y: what is on offer
// comes from the core in words ("Undo: move 3 tasks"); after an undo every open screen
// is rebuilt from the file, as when a teammate's changes arrive.
import { api, onCommand, toCommandError } from './api';
import { flushPendingSaves } from './autosave';
import type { UndoOutcome } from './bindings/UndoOutcome';
import { team } from './team.svelte';
import { toasts } from './toasts.svelte';

/** Commands arriving within this long of each other are followed by one reading. */
const SETTLE_MS = 120;

class Undo {
  /** "Undo: move 3 tasks", or null when there is nothing to undo. */
  undo = $state<string | null>(null);
  redo = $state<string | null>(null);
  busy = $state(false);
  private timer: ReturnType<typeof setTimeout> | null = null;

  start(): void {
    onCommand(() => this.soon());
    void this.load();
  }

  /** Reads what is on offer, once the commands in flight have settled. */
  soon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.load();
    }, SETTLE_MS);
  }

  async load(): Promise<void> {
    try {
      const state = await api.undoState();
      this.undo = state.undo;
      this.redo = state.redo;
    } catch {
      // The header keeps what it showed; the next command reads again.
    }
  }

  async takeBack(): Promise<void> {
    await this.run(() => api.undoLast(), 'Redo', () => this.bringBack());
  }

  async bringBack(): Promise<void> {
    await this.run(() => api.redoLast(), 'Undo', () => this.takeBack());
  }

  private async run(step: () => Promise<UndoOutcome>, again: string, reverse: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      // An edit still in its debounce is written first: it is the newest action.
      await flushPendingSaves();
      const outcome = await step();
      this.undo = outcome.state.undo;
      this.redo = outcome.state.redo;
      toasts.show(outcome.done, { action: { label: again, run: reverse } });
      team.refresh();
    } catch (error) {
      toasts.show(toCommandError(error).message, { tone: 'error' });
      await this.load();
      team.refresh();
    } finally {
      this.busy = false;
    }
  }
}

export const undo = new Undo();
