import { act } from '@testing-library/react';

/**
 * Fakes `setInterval` and `clearInterval` only. Auto-refresh is the only
 * interval in this plugin, so a test decides exactly when a refresh fires,
 * while msw, React, material-table and `findBy…` queries keep real timeouts.
 * Testing Library's `waitFor` polls with `setInterval`, so under this fake it
 * re-checks only on DOM changes; wait for counters with `waitUntil` instead.
 */
export function installFakeIntervals(): void {
  jest.useFakeTimers({
    doNotFake: [
      'Date',
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setTimeout',
      'clearTimeout',
      // Missing from Jest's type, but faked unless excluded.
      'Intl' as 'Date',
    ],
  });
}

/** Moves the faked interval clock on by `ms` milliseconds inside `act`. */
export function advanceIntervals(ms: number): void {
  act(() => {
    jest.advanceTimersByTime(ms);
  });
}

/**
 * Fires the auto-refresh interval once per round until `condition` holds.
 * A refresh that fires while the previous request is still in flight is
 * dropped by the hook, so a single tick is not enough on a loaded machine.
 */
export async function advanceIntervalsUntil(
  description: string,
  intervalMs: number,
  condition: () => boolean,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;

  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${description}`,
      );
    }
    advanceIntervals(intervalMs);
    await act(() => new Promise(resolve => setTimeout(resolve, 50)));
  }
}
