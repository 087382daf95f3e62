import { canRead, canWrite } from '../auth';
import { Job } from '../model/types';
import { formatTime, formatTimeMs, href, includes, RenderContext, Rendered } from './context';
import { buildPath, minimalBuild } from './build';
import { renderCommit } from './commit';
import { minimalOrganization, minimalUser } from './owner';
import { minimalRepository } from './repository';
import { renderStage } from './stage';

export function jobPath(job: Job): string {
  return `/job/${job.id}`;
}

export function minimalJob(context: RenderContext, job: Job): Rendered {
  return {
    '@type': 'job',
    '@href': href(context, jobPath(job)),
    '@representation': 'minimal',
    id: job.id,
  };
}

export function jobNumber(context: RenderContext, job: Job): string {
  const build = context.state.builds.get(job.buildId)!;
  return `${build.number}.${job.index}`;
}

export function jobPermissions(context: RenderContext, job: Job): Record<string, boolean> {
  const repository = context.state.repositories.get(job.repositoryId)!;
  const write = canWrite(context.access, repository);
  const read = canRead(context.access, repository, context.publicMode);
  return {
    read,
    cancel: write,
    restart: write,
    debug: false,
    delete_log: write,
    view_log: read,
    prioritize: false,
  };
}

/**
 * Renders the standard job. Its build is minimal, or only `{"@href"}` when the job
 * is rendered inside that build. `include=job.config` adds the job config.
 */
export function standardJob(context: RenderContext, job: Job): Rendered {
  const { state } = context;
  const build = state.builds.get(job.buildId)!;
  const repository = state.repositories.get(job.repositoryId)!;
  const buildHref = href(context, buildPath(build));
  const stage = job.stageId === null ? null : state.stages.get(job.stageId)!;

  const rendered: Rendered = {
    '@type': 'job',
    '@href': href(context, jobPath(job)),
    '@representation': 'standard',
    '@permissions': jobPermissions(context, job),
    id: job.id,
    allow_failure: job.allowFailure,
    number: jobNumber(context, job),
    state: job.state,
    started_at: formatTime(job.startedAt),
    finished_at: formatTime(job.finishedAt),
    build: context.ancestors.has(buildHref) ? { '@href': buildHref } : minimalBuild(context, build),
    queue: job.queue,
    repository: minimalRepository(context, repository),
    commit: renderCommit(context, state.commits.get(job.commitId)!, 'job.commit'),
    owner: minimalOrganization(context, state.organizationOf(repository)),
    stage: stage ? renderStage(context, stage, 'minimal') : null,
    created_at: formatTimeMs(job.createdAt),
    updated_at: formatTimeMs(job.updatedAt),
    private: repository.private,
    restarted_at: formatTime(job.restartedAt),
    restarted_by:
      job.restartedById === null ? null : minimalUser(context, state.users.get(job.restartedById)),
    vm_size: null,
  };

  if (includes(context, 'job.config')) {
    rendered.config = { ...job.config, '.result': 'configured' };
  }
  if (includes(context, 'job.log_complete')) {
    rendered.log_complete = job.finishedAt !== null;
  }
  return rendered;
}
