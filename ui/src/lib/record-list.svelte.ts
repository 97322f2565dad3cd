// What the rollout workspace's record tabs (risks, decisions, messages, stakeholders,
// the scope log) share: the list, the record open in its dialog with its draft, the
// backend's refusal, and moving one to the trash with an Undo.
import { toCommandError, type CommandError } from './api';
import { toasts } from './toasts.svelte';

export interface RecordOperations<T, D> {
  list: () => Promise<T[]>;
  draftOf: (record: T | null) => D;
  create: (draft: D) => Promise<unknown>;
  update: (record: T, draft: D) => Promise<unknown>;
  trash: (record: T) => Promise<unknown>;
  restore: (record: T) => Promise<unknown>;
  /** The toast after moving one to the trash, such as `Removed the risk “…”.` */
  removed: (record: T) => string;
  /** Anything else on the tab that depends on the records (a heat map, say). */
  changed?: () => Promise<void>;
}

export class RecordList<T extends { id: string }, D> {
  items = $state<T[]>([]);
  editing = $state<{ record: T | null; draft: D } | null>(null);
  error = $state<CommandError | null>(null);

  constructor(private readonly operations: RecordOperations<T, D>) {}

  async load(): Promise<void> {
    try {
      this.items = await this.operations.list();
      await this.operations.changed?.();
    } catch (e) {
      toasts.show(toCommandError(e).message, { tone: 'error' });
    }
  }

  open(record: T | null): void {
    this.error = null;
    this.editing = { record, draft: this.operations.draftOf(record) };
  }

  /** Opens the record `id` once it is listed — a search landing on it — once per id,
   *  so a later reload of the list does not open it again. */
  openWhenListed(id: string | undefined): void {
    if (!id || id === this.#focused) return;
    const record = this.items.find((r) => r.id === id);
    if (!record) return;
    this.#focused = id;
    this.open(record);
  }

  #focused: string | undefined;

  close(): void {
    this.editing = null;
  }

  /** Saves the open dialog's draft; a refusal is thrown for the dialog to show. */
  save = async (): Promise<void> => {
    if (!this.editing) return;
    const draft = $state.snapshot(this.editing.draft) as D;
    const { record } = this.editing;
    if (record) await this.operations.update(record, draft);
    else await this.operations.create(draft);
    await this.load();
  };

  async trash(record: T, closeDialog: () => void): Promise<void> {
    try {
      await this.operations.trash(record);
      closeDialog();
      await this.load();
      toasts.show(this.operations.removed(record), {
        action: {
          label: 'Undo',
          run: async () => {
            await this.operations.restore(record);
            await this.load();
          },
        },
      });
    } catch (e) {
      this.error = toCommandError(e);
    }
  }
}
