import { TravisApiError } from '../errors';
import { renderLog } from '../render/log';
import { findJob } from './lookup';
import { Reply, Route, RouteContext } from './route';

export const logRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/job/{id}/log',
    service: 'Log::Find',
    params: ['log.token'],
    handle: context => findLog(context, context.request.headers.accept === 'text/plain'),
  },
  {
    method: 'GET',
    pattern: '/job/{id}/log.txt',
    service: 'Log::Find',
    params: ['log.token'],
    handle: context => findLog(context, true),
  },
];

/**
 * Returns the log written so far: 404 `log not found` before the
 * first output, growing content and parts while the job runs, and one
 * final part once it has finished. Plain text is only sent for `.txt`
 * paths and for `Accept: text/plain` exactly.
 */
function findLog(context: RouteContext, plainText: boolean): Reply {
  const job = findJob(context, 'log');
  const log = context.runtime.logOf(job, context.now);
  if (!log) {
    throw new TravisApiError(404, 'not_found', 'log not found');
  }

  if (plainText) {
    return { status: 200, text: log.content, contentType: 'text/plain' };
  }
  return { status: 200, body: renderLog(context.render, job, log, context.enterprise) };
}
