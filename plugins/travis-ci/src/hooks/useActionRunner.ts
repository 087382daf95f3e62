import { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  TravisBuild,
  TravisJob,
} from '@travis-ci-backstage/plugin-travis-ci-common';
import { useCallback, useState } from 'react';
import { TravisCiApi, travisCiApiRef } from '../api';
import { describeActionError } from '../lib/travisCiError';
import { useEntityRef } from './useEntityRef';
import { useNotify } from './useNotify';

/** The target of restart and cancel: a whole build or one of its jobs. */
export type ActionTarget = 'build' | 'job';

/** Restart and cancel for the current entity's builds or jobs. */
export interface TravisActions<T extends TravisBuild | TravisJob> {
  restart(item: T): Promise<void>;
  cancel(item: T): Promise<void>;
  /** Ids of builds or jobs with a request in flight, whose buttons stay disabled. */
  pendingIds: ReadonlySet<number>;
}

/** Restart and cancel for the current entity's builds. */
export type BuildActions = TravisActions<TravisBuild>;

/** Restart and cancel for the jobs of the current entity's builds. */
export type JobActions = TravisActions<TravisJob>;

/**
 * Sends restart and cancel requests for builds or jobs, posts a success
 * message only once the backend has accepted a request, and then calls
 * `onCompleted` so that the caller can refresh what it shows. A failure
 * posts an error message with the backend's reason.
 */
export function useActionRunner<T extends TravisBuild | TravisJob>(
  target: ActionTarget,
  onCompleted: () => void,
): TravisActions<T> {
  const api = useApi(travisCiApiRef);
  const notify = useNotify();
  const entityRef = useEntityRef();
  const [pendingIds, setPendingIds] = useState<ReadonlySet<number>>(new Set());

  const run = useCallback(
    async (item: T, action: 'restart' | 'cancel') => {
      setPendingIds(ids => new Set(ids).add(item.id));

      try {
        await sendAction(api, entityRef, target, action, item.id);
        const accepted = action === 'restart' ? 'restart' : 'cancellation';
        notify({
          message: `Travis CI accepted the ${accepted} of ${target} #${item.number}.`,
          severity: 'success',
        });
        onCompleted();
      } catch (error) {
        notify({
          message: `Could not ${action} ${target} #${
            item.number
          }: ${describeActionError(error)}`,
          severity: 'error',
        });
      } finally {
        setPendingIds(ids => {
          const next = new Set(ids);
          next.delete(item.id);
          return next;
        });
      }
    },
    [api, notify, entityRef, target, onCompleted],
  );

  return {
    restart: useCallback(item => run(item, 'restart'), [run]),
    cancel: useCallback(item => run(item, 'cancel'), [run]),
    pendingIds,
  };
}

/** Restart and cancel for the current entity's builds. */
export function useBuildActions(onCompleted: () => void): BuildActions {
  return useActionRunner<TravisBuild>('build', onCompleted);
}

/** Restart and cancel for the jobs of the current entity's builds. */
export function useJobActions(onCompleted: () => void): JobActions {
  return useActionRunner<TravisJob>('job', onCompleted);
}

function sendAction(
  api: TravisCiApi,
  entityRef: CompoundEntityRef,
  target: ActionTarget,
  action: 'restart' | 'cancel',
  id: number,
) {
  if (target === 'build') {
    return action === 'restart'
      ? api.restartBuild(entityRef, id)
      : api.cancelBuild(entityRef, id);
  }
  return action === 'restart'
    ? api.restartJob(entityRef, id)
    : api.cancelJob(entityRef, id);
}
