import { describe, expect, it, vi } from 'vitest';
import { FIRST_FEW } from './first-few';
import { FirstFewList } from './first-few-list.svelte';

const numbers = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('FirstFewList', () => {
  it('shows the first few of a whole list, then all of it, asking for nothing', async () => {
    const list = new FirstFewList(() => ({ items: numbers(12) }));
    expect(list.shown).toEqual(numbers(FIRST_FEW));
    expect(list.label).toBe('Show all 12');
    await list.toggle();
    expect(list.shown).toEqual(numbers(12));
    expect(list.label).toBe('Show fewer');
  });

  it('asks for the rest of a list sent by its first few, once', async () => {
    const loadAll = vi.fn(async () => numbers(300));
    const first = numbers(FIRST_FEW);
    const list = new FirstFewList(() => ({ items: first, total: 300, loadAll }));
    expect(list.label).toBe('Show all 300');
    await list.toggle();
    expect(list.shown).toHaveLength(300);
    await list.toggle();
    expect(list.shown).toEqual(numbers(FIRST_FEW));
    await list.toggle();
    expect(loadAll).toHaveBeenCalledTimes(1);
  });

  it('starts from the first few again when the page reads its figures again', async () => {
    let first = numbers(FIRST_FEW);
    const list = new FirstFewList(() => ({ items: first, total: 300, loadAll: async () => numbers(300) }));
    await list.toggle();
    expect(list.shown).toHaveLength(300);
    first = numbers(FIRST_FEW).map((n) => n + 1);
    await list.toggle();
    expect(list.shown).toEqual(first);
  });

  it('says nothing of a short list', () => {
    const list = new FirstFewList(() => ({ items: numbers(3), total: 3, loadAll: async () => numbers(3) }));
    expect(list.label).toBeNull();
    expect(list.shown).toEqual(numbers(3));
  });
});
