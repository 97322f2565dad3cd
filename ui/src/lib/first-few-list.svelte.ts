// A list shown by its first few, with a button for the rest (see first-few.ts). Home is
// sent only the first few of its long lists and their totals: the rest is asked for
// when the person presses the button.
import { firstFew, showAllLabel } from './first-few';

export interface FirstFewSource<T> {
  /** What the page has: the whole list, or its first few. */
  items: readonly T[];
  /** How many there are in all; `items.length` when `items` is the whole list. */
  total?: number;
  /** Asks for the whole list, when `items` is only its first few. */
  loadAll?: () => Promise<T[]>;
}

export class FirstFewList<T> {
  expanded = $state(false);
  // The whole list once asked for, with the `items` it completes: new items (the page
  // read its figures again) start from the first few again.
  private whole = $state.raw<{ of: readonly T[]; all: readonly T[] } | null>(null);

  constructor(private readonly source: () => FirstFewSource<T>) {}

  private get all(): readonly T[] {
    const { items } = this.source();
    return this.whole?.of === items ? this.whole.all : items;
  }

  private get total(): number {
    const { items, total } = this.source();
    return total ?? items.length;
  }

  /** The items drawn now. */
  get shown(): readonly T[] {
    return firstFew(this.all, this.expanded);
  }

  /** The button's words; `null` when the list is short enough to show whole. */
  get label(): string | null {
    return showAllLabel(this.total, this.expanded);
  }

  async toggle(): Promise<void> {
    const { items, loadAll } = this.source();
    if (!this.expanded && loadAll && this.all.length < this.total) {
      this.whole = { of: items, all: await loadAll() };
    }
    this.expanded = !this.expanded;
  }
}
