// Saves a form as the person types: changes wait a moment so a burst of keystrokes is
// one write, only one save runs at a time, and the newest value always wins — an edit
// made while a save is in flight is saved right after it, never dropped.

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export interface AutosaveHooks<T, R> {
  /** Writes a value; its promise settles when the backend has answered. */
  save: (value: T) => Promise<R>;
  /** Called with what the backend returned for a successful save. */
  saved: (result: R) => void;
  /** Called when a save fails; the value stays pending until the next edit or retry. */
  failed: (error: unknown) => void;
  /** Called whenever the status changes. */
  status: (status: SaveStatus) => void;
}

/** Savers with an edit waiting or being written, so closing the window can wait for them. */
const unsaved = new Set<{ flush(): Promise<void> }>();

/** Writes every edit still waiting in any form; resolves when all are written (or failed). */
export async function flushPendingSaves(): Promise<void> {
  await Promise.allSettled([...unsaved].map((saver) => saver.flush()));
}

/** Whether any form has an edit waiting or being written (team changes wait for it). */
export function hasPendingSaves(): boolean {
  return unsaved.size > 0;
}

export class Autosaver<T, R> {
  private next: { value: T } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private lastFailed: { value: T } | null = null;

  constructor(
    private readonly hooks: AutosaveHooks<T, R>,
    private readonly delayMs = 400,
  ) {}

  /** Queues `value` to be saved after a short quiet period. */
  schedule(value: T): void {
    unsaved.add(this);
    this.next = { value };
    this.lastFailed = null;
    this.hooks.status('pending');
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** True while an edit is waiting or being written. */
  get busy(): boolean {
    return this.next !== null || this.running !== null;
  }

  /** Saves whatever is queued now; resolves once everything queued has been written. */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.running) await this.running;
    if (this.next === null) {
      unsaved.delete(this);
      return;
    }
    this.running = this.drain();
    try {
      await this.running;
    } finally {
      this.running = null;
      if (this.next === null) unsaved.delete(this);
    }
  }

  /** Saves the last value that failed again (after a transient fault). */
  retry(): Promise<void> {
    if (this.lastFailed && this.next === null) this.next = this.lastFailed;
    return this.flush();
  }

  private async drain(): Promise<void> {
    while (this.next !== null) {
      const current = this.next;
      this.next = null;
      this.hooks.status('saving');
      try {
        const result = await this.hooks.save(current.value);
        this.hooks.saved(result);
        if (this.next === null) this.hooks.status('saved');
      } catch (error) {
        this.hooks.failed(error);
        if (this.next === null) {
          this.lastFailed = current;
          this.hooks.status('error');
          return;
        }
      }
    }
  }
}
