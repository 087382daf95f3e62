import { conflict } from '../errors';
import { cancelJob, restartJob } from '../model/lifecycle';
import { isTerminal, Job } from '../model/types';
import { minimalJob, standardJob } from '../render/job';
import { findJob, requireLogin, requireWrite } from './lookup';
import { Reply, Route, RouteContext } from './route';

const RUNNING_STATES = ['received', 'queued', 'started'];

export const jobRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/job/{id}',
    service: 'Job::Find',
    handle(context) {
      return { status: 200, body: standardJob(context.render, findJob(context)) };
    },
  },
  {
    method: 'POST',
    pattern: '/job/{id}/restart',
    service: 'Job::Restart',
    handle(context) {
      return jobAction(context, 'restart', job => {
        if (RUNNING_STATES.includes(job.state)) {
          throw conflict('job_already_running', 'job already running, cannot restart');
        }
        restartJob(context.runtime.state, job, context.access.user!.id, context.now);
      });
    },
  },
  {
    method: 'POST',
    pattern: '/job/{id}/cancel',
    service: 'Job::Cancel',
    handle(context) {
      return jobAction(context, 'cancel', job => {
        if (isTerminal(job.state)) {
          throw conflict('job_not_cancelable', 'job is not running, cannot cancel');
        }
        cancelJob(context.runtime.state, job, context.now);
      });
    },
  },
];

function jobAction(
  context: RouteContext,
  stateChange: 'restart' | 'cancel',
  apply: (job: Job) => void,
): Reply {
  requireLogin(context);
  const job = findJob(context);
  const repository = context.runtime.state.repositories.get(job.repositoryId)!;
  requireWrite(context, repository, stateChange, 'job', minimalJob(context.render, job));

  apply(job);
  return {
    status: 202,
    body: {
      '@type': 'pending',
      job: minimalJob({ ...context.render, scriptName: '' }, job),
      state_change: stateChange,
      resource_type: 'job',
    },
  };
}
