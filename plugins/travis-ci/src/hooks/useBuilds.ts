import { useApi } from '@backstage/frontend-plugin-api';
import {
  TRAVIS_ACTIVE_BUILD_STATES,
  TravisBuildList,
  TravisBuildListQuery,
} from '@travis-ci-backstage/plugin-travis-ci-common';
import { useCallback } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { travisCiApiRef } from '../api';
import { AutoRefreshIntervals, useAutoRefresh } from './useAutoRefresh';
import { useEntityRef } from './useEntityRef';
import { useTriggeredBuildWatch } from './useTriggeredBuildWatch';

/** The state of an entity's build list. */
export interface BuildsState {
  /** The last page received; kept while a refresh is in flight. */
  value?: TravisBuildList;
  loading: boolean;
  error?: Error;
  /** Fetches the page again. */
  refresh: () => void;
  /** True while the page shows a created, received or started build. */
  hasActiveBuilds: boolean;
  /**
   * Keeps refreshing, after a trigger request was accepted, until a build
   * newer than those shown now appears or a time limit passes.
   */
  waitForTriggeredBuild: () => void;
  /** True while waiting for the build of a trigger request. */
  waitingForTriggeredBuild: boolean;
}

/**
 * Fetches one page of the current entity's builds and refreshes it on its
 * own while any build on it is waiting or running.
 */
export function useBuilds(
  query: TravisBuildListQuery,
  options: {
    refreshIntervals?: AutoRefreshIntervals;
    /** How long to wait for the build of a trigger request. */
    triggeredBuildTimeoutMs?: number;
  } = {},
): BuildsState {
  const api = useApi(travisCiApiRef);
  const entityRef = useEntityRef();
  const { branch, state, eventType, limit, offset } = query;

  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getBuilds(entityRef, { branch, state, eventType, limit, offset }),
    [api, entityRef, branch, state, eventType, limit, offset],
  );

  const hasActiveBuilds = Boolean(
    value?.builds.some(build =>
      TRAVIS_ACTIVE_BUILD_STATES.includes(build.state),
    ),
  );

  const triggeredBuild = useTriggeredBuildWatch(
    value?.builds,
    options.triggeredBuildTimeoutMs,
  );
  const { start: startTriggeredBuildWatch } = triggeredBuild;
  const shownBuilds = value?.builds;
  const waitForTriggeredBuild = useCallback(() => {
    startTriggeredBuildWatch(shownBuilds ?? []);
    retry();
  }, [startTriggeredBuildWatch, shownBuilds, retry]);

  // A failed refresh clears `value`, which stops the refresh until the user
  // retries; repeating a failing request would only add load.
  useAutoRefresh({
    enabled: (hasActiveBuilds || triggeredBuild.watching) && !error,
    refresh: retry,
    intervals: options.refreshIntervals,
  });

  return {
    value,
    loading,
    error,
    refresh: retry,
    hasActiveBuilds,
    waitForTriggeredBuild,
    waitingForTriggeredBuild: triggeredBuild.watching,
  };
}
