// Tells the app, once per launch, that its first screen shows real content, with when
// each step of getting there happened: the app logs it (the start-up benchmark reads the
// line, and it says where a slow start went).
import { api } from './api';

let reported = false;
const steps: [string, number][] = [];
let painted = false;
const waiting: (() => void)[] = [];

/** Runs `then` once the first screen is painted (at once if it is already): work the
 *  first screen does not need waits for it. */
export function afterFirstScreen(then: () => void): void {
  if (painted) then();
  else waiting.push(then);
}

/** Notes that a step of the start is done (milliseconds since the page began to load). */
export function startupStep(name: string): void {
  if (!reported) steps.push([name, performance.now()]);
}

/** Call when the first screen has its content; reports after that frame is painted. */
export function firstScreenShown(): void {
  if (reported) return;
  reported = true;
  // Two frames: the first runs before the paint, the second after it.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      steps.push(['painted', performance.now()]);
      // Only a log line depends on it: a failure is nothing the person needs to see.
      api.firstScreenShown({ page_opened_at: performance.timeOrigin, steps }).catch(() => {});
      painted = true;
      for (const then of waiting.splice(0)) setTimeout(then, 0);
    }),
  );
}
