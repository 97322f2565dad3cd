import { describe, expect, it, vi } from 'vitest';
import type { AuditEntry } from './bindings/AuditEntry';
import { HistoryReader, NEWEST_ENTRIES } from './history.svelte';

const entry = (seq: number): AuditEntry => ({
  seq,
  at: '2026-12-07T09:00:00Z',
  entity: 'rollout',
  entity_id: 'r1',
  action: 'update',
  changes: [],
  by: null,
  reversal: null,
});

/** A history of `total` entries, newest (highest seq) first, as the core pages it. */
function core(total: number) {
  const whole = Array.from({ length: total }, (_, i) => entry(total - i));
  return vi.fn(async (newest: number | null) => ({
    entries: newest === null ? whole : whole.slice(0, newest),
    total,
  }));
}

describe('HistoryReader', () => {
  it('asks for the newest entries, then for all once Show all is pressed, and keeps that', async () => {
    const read = core(300);
    const history = new HistoryReader(read);
    await history.read();
    expect(read).toHaveBeenLastCalledWith(NEWEST_ENTRIES);
    expect(history.page.entries).toHaveLength(NEWEST_ENTRIES);
    expect(history.page.entries[0]?.seq).toBe(300);
    expect(history.hasMore).toBe(true);

    await history.showAll();
    expect(read).toHaveBeenLastCalledWith(null);
    expect(history.page.entries).toHaveLength(300);
    expect(history.hasMore).toBe(false);

    await history.read();
    expect(read).toHaveBeenLastCalledWith(null);
  });

  it('has nothing more to show for a short history', async () => {
    const history = new HistoryReader(core(3));
    await history.read();
    expect(history.page.total).toBe(3);
    expect(history.hasMore).toBe(false);
  });
});
