import { useApi } from '@backstage/frontend-plugin-api';
import {
  TRAVIS_ACTIVE_BUILD_STATES,
  TravisBuildList,
  TravisBuildListQuery,
} from '@travis-ci-backstage/plugin-travis-ci-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { travisCiApiRef } from '../api';
import { AutoRefreshIntervals, useAutoRefresh } from './useAutoRefresh';
import { useEntityRef } from './useEntityRef';

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
}

/**
 * Fetches one page of the current entity's builds and refreshes it on its
 * own while any build on it is waiting or running.
 */
export function useBuilds(
  query: TravisBuildListQuery,
  options: { refreshIntervals?: AutoRefreshIntervals } = {},
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

  // A failed refresh clears `value`, which stops the refresh until the user
  // retries; repeating a failing request would only add load.
  useAutoRefresh({
    enabled: hasActiveBuilds && !error,
    refresh: retry,
    intervals: options.refreshIntervals,
  });

  return { value, loading, error, refresh: retry, hasActiveBuilds };
}
