import { canRead, canWrite } from '../auth';
import { VisibleLog } from '../logs';
import { Job } from '../model/types';
import { href, RenderContext, Rendered } from './context';

/**
 * Renders the JSON log. `@raw_log_href` always starts with `/v3` and never with the
 * mount prefix, because Travis renders it for appending to the API base
 * URL; private repositories and Enterprise installs add a `log.token`.
 */
export function renderLog(
  context: RenderContext,
  job: Job,
  log: VisibleLog,
  enterprise: boolean,
): Rendered {
  const repository = context.state.repositories.get(job.repositoryId)!;
  const write = canWrite(context.access, repository);
  const read = canRead(context.access, repository, context.publicMode) || context.access.logTokenJobId === job.id;
  const needsToken = repository.private || enterprise;
  const rawLogHref = `/v3/job/${job.id}/log.txt${needsToken ? `?log.token=${job.logToken}` : ''}`;

  return {
    '@type': 'log',
    '@href': href(context, `/job/${job.id}/log`),
    '@representation': 'standard',
    '@permissions': {
      read,
      debug: false,
      cancel: write,
      restart: write,
      delete_log: write,
      view_log: read,
    },
    '@raw_log_href': rawLogHref,
    id: job.logId,
    content: log.content,
    log_parts: log.parts,
  };
}
