// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { afterPaint } from './after-paint';

describe('afterPaint', () => {
  it('waits for the next frame in a visible tab, and not in a hidden one', async () => {
    const frame = vi.spyOn(globalThis, 'requestAnimationFrame');
    await afterPaint(document);
    expect(frame).toHaveBeenCalledTimes(1);
    const hidden = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    await afterPaint(document);
    expect(frame).toHaveBeenCalledTimes(1);
    hidden.mockRestore();
    frame.mockRestore();
  });
});
