// A page of the training matrix read as it is looked at. A page is 100 people by every
// module in view (on a project office's workspace 4,000 records, 650 KB to carry), while
// a window shows a dozen rows: the first people are read at once, and more only as the
// view scrolls or the keyboard moves towards the end of those read.
import type { TrainingMatrix } from './bindings/TrainingMatrix';

/** Asks the core for people `offset..offset + limit` of the matrix. */
export type ReadMatrix = (offset: number, limit: number) => Promise<TrainingMatrix>;

/** People in a page of the matrix; the pager turns a page at a time. */
export const MATRIX_PAGE = 100;
/** People read at a time: more than a tall window shows. */
export const PEOPLE_AT_ONCE = 30;

export class MatrixReader {
  matrix = $state.raw<TrainingMatrix | null>(null);
  /** Bumped by every fresh start: an answer to an older reading is dropped. */
  private generation = 0;
  private offset = 0;
  private more: Promise<void> | null = null;

  constructor(private readonly readPeople: ReadMatrix) {}

  /** People on the page read, counting those not read yet. */
  get pageLength(): number {
    const matrix = this.matrix;
    return matrix ? Math.max(0, Math.min(MATRIX_PAGE, matrix.people - this.offset)) : 0;
  }

  /** People of this page not read yet. */
  get unread(): number {
    return Math.max(0, this.pageLength - (this.matrix?.rows.length ?? 0));
  }

  /**
   * Reads the page from `offset` afresh: its first people, or as many as `keep` (after a
   * record is saved, the rows the person has scrolled through stay drawn). Answers
   * false when a newer reading began before this one finished, and its answer was
   * dropped.
   */
  async start(offset: number, keep = 0): Promise<boolean> {
    const generation = ++this.generation;
    this.more = null;
    const found = await this.readPeople(offset, Math.min(MATRIX_PAGE, Math.max(PEOPLE_AT_ONCE, keep)));
    if (generation !== this.generation) return false;
    this.offset = offset;
    this.matrix = found;
    return true;
  }

  /** Until the page's first `rows` people are read (or all it holds), one reading at a
   *  time: a scroll that asks again while one is under way waits for that one. */
  async reach(rows: number): Promise<void> {
    const generation = this.generation;
    while (generation === this.generation && this.matrix && this.matrix.rows.length < rows && this.unread > 0) {
      const before = this.matrix.rows.length;
      this.more ??= this.readMore().finally(() => (this.more = null));
      await this.more;
      // Nothing came (someone left the directory meanwhile): the page ends here.
      if (this.matrix.rows.length === before) return;
    }
  }

  /** The next people after those read, added to them; the whole stretch read again if
   *  the directory or the modules changed in between (the columns differ, or someone
   *  read already turns up again), so that the rows always belong together. */
  private async readMore(): Promise<void> {
    const generation = this.generation;
    const have = this.matrix;
    if (!have) return;
    const next = await this.readPeople(this.offset + have.rows.length, Math.min(PEOPLE_AT_ONCE, this.unread));
    if (generation !== this.generation) return;
    const sameColumns =
      next.modules.length === have.modules.length && next.modules.every((m, i) => m.id === have.modules[i]?.id);
    const seen = new Set(have.rows.map((row) => row.person_id));
    if (sameColumns && !next.rows.some((row) => seen.has(row.person_id))) {
      this.matrix = { ...next, rows: [...have.rows, ...next.rows] };
      return;
    }
    const whole = await this.readPeople(this.offset, have.rows.length + next.rows.length);
    if (generation === this.generation) this.matrix = whole;
  }
}
