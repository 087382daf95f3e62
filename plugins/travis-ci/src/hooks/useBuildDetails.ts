import { useApi } from '@backstage/frontend-plugin-api';
import {
  TRAVIS_ACTIVE_BUILD_STATES,
  TravisBuildDetails,
} from '@travis-ci-backstage/plugin-travis-ci-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { travisCiApiRef } from '../api';
import { AutoRefreshIntervals, useAutoRefresh } from './useAutoRefresh';
import { useEntityRef } from './useEntityRef';

/** The state of one build with its stages and jobs. */
export interface BuildDetailsState {
  /** The last answer; kept while a refresh is in flight. */
  value?: TravisBuildDetails;
  loading: boolean;
  error?: Error;
  refresh: () => void;
}

/**
 * Fetches one build of the current entity with its stages and jobs, and
 * refreshes it on its own while the build or one of its jobs is waiting or
 * running.
 */
export function useBuildDetails(
  buildId: number,
  options: { refreshIntervals?: AutoRefreshIntervals } = {},
): BuildDetailsState {
  const api = useApi(travisCiApiRef);
  const entityRef = useEntityRef();

  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getBuild(entityRef, buildId),
    [api, entityRef, buildId],
  );

  // Jobs are checked too: a restarted job runs inside a build whose state
  // may still read as finished until the backend reports the restart.
  const active = Boolean(
    value &&
      (TRAVIS_ACTIVE_BUILD_STATES.includes(value.state) ||
        value.jobs.some(job => isJobActive(job.state))),
  );

  // A failed refresh clears `value`, which stops the refresh until the user
  // retries.
  useAutoRefresh({
    enabled: active && !error,
    refresh: retry,
    intervals: options.refreshIntervals,
  });

  return { value, loading, error, refresh: retry };
}

/** Returns true for job states in which a job is waiting or running. */
export function isJobActive(state: string): boolean {
  return (
    state === 'queued' ||
    (TRAVIS_ACTIVE_BUILD_STATES as readonly string[]).includes(state)
  );
}
