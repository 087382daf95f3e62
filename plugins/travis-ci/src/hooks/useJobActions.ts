import { alertApiRef, useApi } from '@backstage/frontend-plugin-api';
import { TravisJob } from '@travis-ci-backstage/plugin-travis-ci-common';
import { useCallback, useState } from 'react';
import { travisCiApiRef } from '../api';
import { describeActionError } from '../lib/travisCiError';
import { useEntityRef } from './useEntityRef';

/** Restart and cancel for the jobs of the current entity's builds. */
export interface JobActions {
  restart(job: TravisJob): Promise<void>;
  cancel(job: TravisJob): Promise<void>;
  /** Ids of jobs with a request in flight, whose buttons stay disabled. */
  pendingJobIds: ReadonlySet<number>;
}

/**
 * Sends job restart and cancel requests, posts a success alert once the
 * backend has accepted one and then calls `onCompleted`, and posts the
 * backend's message in an error alert when a request fails.
 */
export function useJobActions(onCompleted: () => void): JobActions {
  const api = useApi(travisCiApiRef);
  const alertApi = useApi(alertApiRef);
  const entityRef = useEntityRef();
  const [pendingJobIds, setPendingJobIds] = useState<ReadonlySet<number>>(
    new Set(),
  );

  const run = useCallback(
    async (job: TravisJob, action: 'restart' | 'cancel') => {
      setPendingJobIds(ids => new Set(ids).add(job.id));

      try {
        if (action === 'restart') {
          await api.restartJob(entityRef, job.id);
        } else {
          await api.cancelJob(entityRef, job.id);
        }
        const accepted = action === 'restart' ? 'restart' : 'cancellation';
        alertApi.post({
          message: `Travis CI accepted the ${accepted} of job #${job.number}.`,
          severity: 'success',
          display: 'transient',
        });
        onCompleted();
      } catch (error) {
        alertApi.post({
          message: `Could not ${action} job #${
            job.number
          }: ${describeActionError(error)}`,
          severity: 'error',
        });
      } finally {
        setPendingJobIds(ids => {
          const next = new Set(ids);
          next.delete(job.id);
          return next;
        });
      }
    },
    [api, alertApi, entityRef, onCompleted],
  );

  return {
    restart: useCallback(job => run(job, 'restart'), [run]),
    cancel: useCallback(job => run(job, 'cancel'), [run]),
    pendingJobIds,
  };
}
