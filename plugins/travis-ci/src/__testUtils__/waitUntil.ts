import { act } from '@testing-library/react';

/**
 * Polls `condition` on real timeouts until it returns true, and fails after
 * `timeoutMs` milliseconds with `description`. Testing Library's `waitFor`
 * polls with `setInterval`, so under faked intervals it only re-checks on
 * DOM changes, and a counter of requests is no DOM change.
 */
export async function waitUntil(
  description: string,
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
    await act(() => new Promise(resolve => setTimeout(resolve, 10)));
  }
}
