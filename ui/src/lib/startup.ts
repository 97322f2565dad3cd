// Tells the app, once per launch, that its first screen shows real content: the app
// logs how long that took (the start-up benchmark reads it).
import { api } from './api';

let reported = false;

/** Call when the first screen has its content; reports after that frame is painted. */
export function firstScreenShown(): void {
  if (reported) return;
  reported = true;
  // Two frames: the first runs before the paint, the second after it.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      // Only a log line depends on it: a failure is nothing the person needs to see.
      api.firstScreenShown().catch(() => {});
    }),
  );
}
