import { act } from '@testing-library/react';
import { waitUntil } from './waitUntil';

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
 * The hook drops a refresh that fires while the previous request is still
 * in flight, so a single tick is not enough on a loaded machine.
 */
export async function advanceIntervalsUntil(
  description: string,
  intervalMs: number,
  condition: () => boolean,
): Promise<void> {
  await waitUntil(description, condition, {
    pollMs: 50,
    beforeEachPoll: () => advanceIntervals(intervalMs),
  });
}
