// A record's history as its page shows it. A record saved as it is typed gathers an
// entry for every pause, so a year-old rollout's history runs to thousands: the page
// asks the core for the newest entries and the total, and for the whole history only
// once the person presses *Show all*. Reading again after a save keeps that choice.
import type { HistoryPage } from './bindings/HistoryPage';

/** How many of the newest entries a page asks for first. */
export const NEWEST_ENTRIES = 50;

/** Asks the core for the newest `newest` entries (all of them for null). */
export type ReadHistory = (newest: number | null) => Promise<HistoryPage>;

export class HistoryReader {
  page = $state.raw<HistoryPage>({ entries: [], total: 0 });
  private whole = false;

  constructor(private readonly readPage: ReadHistory) {}

  /** Whether entries beyond those drawn exist. */
  get hasMore(): boolean {
    return this.page.entries.length < this.page.total;
  }

  /** Reads the history again (after a save): the newest, or all once asked for. */
  async read(): Promise<void> {
    this.page = await this.readPage(this.whole ? null : NEWEST_ENTRIES);
  }

  async showAll(): Promise<void> {
    this.whole = true;
    await this.read();
  }
}
