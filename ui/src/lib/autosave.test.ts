import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver, flushPendingSaves, type SaveStatus } from './autosave';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('Autosaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function harness(save: (value: string) => Promise<string>) {
    const statuses: SaveStatus[] = [];
    const saved: string[] = [];
    const failures: unknown[] = [];
    const saver = new Autosaver<string, string>(
      {
        save,
        saved: (r) => saved.push(r),
        failed: (e) => failures.push(e),
        status: (s) => statuses.push(s),
      },
      300,
    );
    return { saver, statuses, saved, failures };
  }

  it('writes a burst of keystrokes once, with the last value', async () => {
    const save = vi.fn(async (v: string) => v);
    const { saver, saved, statuses } = harness(save);
    saver.schedule('E');
    saver.schedule('EH');
    saver.schedule('EHR');
    await vi.advanceTimersByTimeAsync(299);
    expect(save, 'nothing is written before the quiet period ends').not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(saved).toEqual(['EHR']);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('never runs two saves at once and saves an edit made during a save', async () => {
    const gates: Array<ReturnType<typeof deferred<string>>> = [];
    let concurrent = 0;
    let maxConcurrent = 0;
    const save = vi.fn((v: string) => {
      concurrent += 1;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      const gate = deferred<string>();
      gates.push(gate);
      return gate.promise.finally(() => {
        concurrent -= 1;
      }).then(() => v);
    });
    const { saver, saved } = harness(save);
    saver.schedule('first');
    await vi.advanceTimersByTimeAsync(300);
    saver.schedule('second');
    await vi.advanceTimersByTimeAsync(300);
    expect(save, 'the second save waits for the first').toHaveBeenCalledTimes(1);
    gates[0]?.resolve('');
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(2);
    gates[1]?.resolve('');
    await saver.flush();
    expect(saved).toEqual(['first', 'second']);
    expect(maxConcurrent, 'saves must be serialised').toBe(1);
  });

  it('flush writes a pending edit at once', async () => {
    const save = vi.fn(async (v: string) => v);
    const { saver } = harness(save);
    saver.schedule('typed just before leaving');
    await saver.flush();
    expect(save).toHaveBeenCalledWith('typed just before leaving');
    expect(saver.busy).toBe(false);
  });

  it('reports a failure, keeps the value, and retries it', async () => {
    let fail = true;
    const save = vi.fn(async (v: string) => {
      if (fail) throw new Error('disk full');
      return v;
    });
    const { saver, failures, saved, statuses } = harness(save);
    saver.schedule('plan');
    await saver.flush();
    expect(failures).toHaveLength(1);
    expect(statuses.at(-1)).toBe('error');
    fail = false;
    await saver.retry();
    expect(saved, 'the failed value is saved on retry, not lost').toEqual(['plan']);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('lets the window wait for every form with an edit still waiting', async () => {
    const first = vi.fn(async (v: string) => v);
    const second = vi.fn(async (v: string) => v);
    harness(first).saver.schedule('owner typed just before closing');
    harness(second).saver.schedule('goal typed just before closing');
    await flushPendingSaves();
    expect(first).toHaveBeenCalledWith('owner typed just before closing');
    expect(second).toHaveBeenCalledWith('goal typed just before closing');
  });
});
