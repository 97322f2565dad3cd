// Typing that asks the core something (a search) asks once the person pauses, not at
// every keystroke.

/** `run` called `delayMs` after the last call of the returned function. */
export function debounced(run: () => unknown, delayMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void run();
    }, delayMs);
  };
}
