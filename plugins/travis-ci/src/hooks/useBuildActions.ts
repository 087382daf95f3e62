import { alertApiRef, useApi } from '@backstage/frontend-plugin-api';
import { TravisBuild } from '@travis-ci-backstage/plugin-travis-ci-common';
import { useCallback, useState } from 'react';
import { travisCiApiRef } from '../api';
import { describeActionError } from '../lib/travisCiError';
import { useEntityRef } from './useEntityRef';

/** Restart and cancel for the current entity's builds. */
export interface BuildActions {
  restart(build: TravisBuild): Promise<void>;
  cancel(build: TravisBuild): Promise<void>;
  /** Ids of builds with a request in flight, whose buttons stay disabled. */
  pendingBuildIds: ReadonlySet<number>;
}

/**
 * Sends restart and cancel requests, posts a success alert only once the
 * backend has accepted the request, and then calls `onCompleted` so that
 * the caller can refresh its list. Failures post an error alert with the
 * backend's message.
 */
export function useBuildActions(onCompleted: () => void): BuildActions {
  const api = useApi(travisCiApiRef);
  const alertApi = useApi(alertApiRef);
  const entityRef = useEntityRef();
  const [pendingBuildIds, setPendingBuildIds] = useState<ReadonlySet<number>>(
    new Set(),
  );

  const run = useCallback(
    async (build: TravisBuild, action: 'restart' | 'cancel') => {
      setPendingBuildIds(ids => new Set(ids).add(build.id));

      try {
        if (action === 'restart') {
          await api.restartBuild(entityRef, build.id);
        } else {
          await api.cancelBuild(entityRef, build.id);
        }
        alertApi.post({
          message:
            action === 'restart'
              ? `Travis CI accepted the restart of build #${build.number}.`
              : `Travis CI accepted the cancellation of build #${build.number}.`,
          severity: 'success',
          display: 'transient',
        });
        onCompleted();
      } catch (error) {
        alertApi.post({
          message: `Could not ${action} build #${
            build.number
          }: ${describeActionError(error)}`,
          severity: 'error',
        });
      } finally {
        setPendingBuildIds(ids => {
          const next = new Set(ids);
          next.delete(build.id);
          return next;
        });
      }
    },
    [api, alertApi, entityRef, onCompleted],
  );

  return {
    restart: useCallback(build => run(build, 'restart'), [run]),
    cancel: useCallback(build => run(build, 'cancel'), [run]),
    pendingBuildIds,
  };
}
