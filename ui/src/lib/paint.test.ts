import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterPaint, painted } from './paint';

describe('afterPaint', () => {
  let frames = new Map<number, FrameRequestCallback>();
  let nextId = 0;
  const nextFrame = () => {
    const due = [...frames.values()];
    frames = new Map();
    for (const callback of due) callback(0);
  };

  beforeEach(() => {
    frames = new Map();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
      frames.set(++nextId, callback);
      return nextId;
    });
    vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('runs once the next frame is painted: in a task queued from the frame', () => {
    const then = vi.fn();
    afterPaint(then);
    vi.runAllTimers();
    expect(then, 'not before the frame').not.toHaveBeenCalled();
    nextFrame();
    expect(then, 'the frame paints before the task runs').not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(then).toHaveBeenCalledTimes(1);
  });

  it('is cancelled before the frame or between the frame and its task', () => {
    const early = vi.fn();
    afterPaint(early)();
    nextFrame();
    vi.runAllTimers();
    expect(early).not.toHaveBeenCalled();

    const late = vi.fn();
    const cancel = afterPaint(late);
    nextFrame();
    cancel();
    vi.runAllTimers();
    expect(late).not.toHaveBeenCalled();
  });

  it('painted() resolves after the same frame and task', async () => {
    const done = vi.fn();
    void painted().then(done);
    nextFrame();
    await Promise.resolve();
    expect(done).not.toHaveBeenCalled();
    vi.runAllTimers();
    await Promise.resolve();
    expect(done).toHaveBeenCalledTimes(1);
  });
});
