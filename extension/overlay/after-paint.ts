/**
 * Resolves just after the browser paints what was drawn: the animation frame runs before that paint, a task queued
 * from it after. A hidden tab paints no frames (Chromium runs its animation frames about once a second), so there it
 * resolves at once.
 *
 * @example await afterPaint(document); performance.mark('painted');
 */
export function afterPaint(doc: Document): Promise<void> {
  return new Promise((resolve) => {
    if (doc.visibilityState === 'hidden') setTimeout(resolve, 0);
    else requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}
