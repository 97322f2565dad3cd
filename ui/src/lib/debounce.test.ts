import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounced } from './debounce';

describe('debounced', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once, the given time after the last call', () => {
    const run = vi.fn();
    const soon = debounced(run, 120);
    soon();
    vi.advanceTimersByTime(100);
    soon();
    vi.advanceTimersByTime(100);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(20);
    expect(run).toHaveBeenCalledTimes(1);
    soon();
    vi.advanceTimersByTime(120);
    expect(run).toHaveBeenCalledTimes(2);
  });
});
