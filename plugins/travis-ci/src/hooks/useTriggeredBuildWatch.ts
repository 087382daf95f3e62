import { TravisBuild } from '@travis-ci-backstage/plugin-travis-ci-common';
import { useCallback, useEffect, useState } from 'react';

/**
 * How long a list keeps refreshing after a trigger while no new build shows.
 * Travis CI usually turns a request into a build within seconds. A busy
 * queue takes longer, and a rejected config never produces a build.
 */
export const DEFAULT_TRIGGERED_BUILD_TIMEOUT_MS = 2 * 60_000;

/** Whether a list waits for the build of a trigger request. */
export interface TriggeredBuildWatch {
  /** True from `start` until a new build shows or the time limit passes. */
  watching: boolean;
  /** Starts waiting for a build newer than every build in `shownBuilds`. */
  start(shownBuilds: readonly TravisBuild[]): void;
}

/**
 * Tracks whether the build of an accepted trigger request has appeared in
 * `builds`, the list currently shown. Travis CI numbers builds in ascending
 * id order, so the new build is one whose id is above every id shown when
 * the request was sent.
 */
export function useTriggeredBuildWatch(
  builds: readonly TravisBuild[] | undefined,
  timeoutMs: number = DEFAULT_TRIGGERED_BUILD_TIMEOUT_MS,
): TriggeredBuildWatch {
  // A new object on every start, so that a second trigger restarts the
  // time limit even when the newest shown id is the same.
  const [wait, setWait] = useState<{ newestIdBefore: number }>();

  const start = useCallback((shownBuilds: readonly TravisBuild[]) => {
    const ids = shownBuilds.map(build => build.id);
    setWait({ newestIdBefore: Math.max(0, ...ids) });
  }, []);

  const appeared =
    wait !== undefined &&
    Boolean(builds?.some(build => build.id > wait.newestIdBefore));

  useEffect(() => {
    if (appeared) {
      setWait(undefined);
    }
  }, [appeared]);

  // The limit also ends the wait when the list is filtered or paged so that
  // the new build can never show on it.
  useEffect(() => {
    if (wait === undefined) {
      return undefined;
    }
    const timer = setTimeout(() => setWait(undefined), timeoutMs);
    return () => clearTimeout(timer);
  }, [wait, timeoutMs]);

  return { watching: wait !== undefined && !appeared, start };
}
