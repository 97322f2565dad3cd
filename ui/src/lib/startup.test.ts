import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const firstScreenShown = vi.fn((_report: unknown) => Promise.resolve());
vi.mock('./api', () => ({ api: { firstScreenShown } }));

describe('firstScreenShown', () => {
  let frames: FrameRequestCallback[] = [];
  const nextFrame = () => frames.shift()?.(0);

  beforeEach(() => {
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('reports after the frame is painted, once per launch, with the steps before it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const { afterFirstScreen, firstScreenShown: report, startupStep } = await import('./startup');
    const waited = vi.fn();
    afterFirstScreen(waited);
    startupStep('app info');
    report();
    report();
    startupStep('too late');
    nextFrame();
    expect(firstScreenShown).not.toHaveBeenCalled();
    nextFrame();
    expect(firstScreenShown).toHaveBeenCalledTimes(1);
    expect(frames).toHaveLength(0);
    const sent = firstScreenShown.mock.calls[0]?.[0] as { page_opened_at: number; steps: [string, number][] };
    expect(sent.steps.map(([name]) => name)).toEqual(['app info', 'painted']);
    expect(sent.page_opened_at).toBeGreaterThan(0);
    // What waited for the first screen runs once it is painted; later, at once.
    expect(waited).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(waited).toHaveBeenCalledTimes(1);
    const later = vi.fn();
    afterFirstScreen(later);
    expect(later).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });
});
