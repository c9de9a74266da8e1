import { describe, expect, it, vi } from 'vitest';
import { debounce } from './debounce';

describe('debounce', () => {
  it('saves once after the agent stops typing', () => {
    vi.useFakeTimers();
    const save = vi.fn();
    const typed = debounce(save, 400, new AbortController().signal);
    typed('a');
    typed('ab');
    vi.advanceTimersByTime(399);
    expect(save).not.toHaveBeenCalled();
    typed('abc');
    vi.advanceTimersByTime(400);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith('abc');
    vi.useRealTimers();
  });

  it('saves the pending draft at once when the agent leaves the ticket', () => {
    vi.useFakeTimers();
    const save = vi.fn();
    const controller = new AbortController();
    const typed = debounce(save, 400, controller.signal);
    typed('half a sentence');
    controller.abort();
    expect(save).toHaveBeenCalledWith('half a sentence');
    vi.advanceTimersByTime(1000);
    expect(save).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });
});

describe('debounce flush', () => {
  it('saves the pending draft when the page is about to go away', () => {
    vi.useFakeTimers();
    const save = vi.fn();
    const typed = debounce(save, 400, new AbortController().signal);
    typed('typed just before reload');
    typed.flush();
    expect(save).toHaveBeenCalledWith('typed just before reload');
    typed.flush();
    expect(save).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });
});
