import { act } from '@testing-library/react';

/**
 * Polls `condition` on real timeouts until it returns true, and fails after
 * `timeoutMs` milliseconds with `description`. Testing Library's `waitFor`
 * polls with `setInterval`, so under faked intervals it re-checks only on
 * DOM changes, and a request counter changes no DOM.
 */
export async function waitUntil(
  description: string,
  condition: () => boolean,
  options: {
    timeoutMs?: number;
    pollMs?: number;
    /** Runs before each wait, for example to fire a faked timer. */
    beforeEachPoll?: () => void;
  } = {},
): Promise<void> {
  const { timeoutMs = 10_000, pollMs = 10, beforeEachPoll } = options;
  const deadline = Date.now() + timeoutMs;

  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${description}`,
      );
    }
    beforeEachPoll?.();
    await act(() => new Promise(resolve => setTimeout(resolve, pollMs)));
  }
}

/**
 * Waits until a mocked response has been sent, as `responded` reports, and
 * then for the UI to apply it: the client still parses the body and React
 * renders the new state a few event-loop turns after the handler returns.
 * NOTE: 50 ms is a margin for that, not a guarantee.
 */
export async function waitForResponseApplied(
  description: string,
  responded: () => boolean,
): Promise<void> {
  await waitUntil(description, responded);
  await act(() => new Promise(resolve => setTimeout(resolve, 50)));
}
