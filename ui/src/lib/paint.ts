// Work put off until the frame being drawn is on screen: a task queued from a frame's
// callback runs after that frame's paint. A screen of thousands of rows shows its first
// part, and does the rest (reading the whole plan, drawing the rows below the window)
// once the person can see that part.

/** Runs `then` once the next frame has been painted; the answer cancels it if it has
 *  not run yet (for an effect's clean-up). */
export function afterPaint(then: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(then, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}

/** Until the next frame has been painted. */
export function painted(): Promise<void> {
  return new Promise((resolve) => afterPaint(resolve));
}
