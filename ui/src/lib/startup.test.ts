import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const firstScreenShown = vi.fn(() => Promise.resolve());
vi.mock('./api', () => ({ api: { firstScreenShown } }));

describe('firstScreenShown', () => {
  let frames: FrameRequestCallback[] = [];
  const nextFrame = () => frames.shift()?.(0);

  beforeEach(() => {
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('reports after the frame is painted, and only once per launch', async () => {
    const { firstScreenShown: report } = await import('./startup');
    report();
    report();
    nextFrame();
    expect(firstScreenShown).not.toHaveBeenCalled();
    nextFrame();
    expect(firstScreenShown).toHaveBeenCalledTimes(1);
    expect(frames).toHaveLength(0);
  });
});
