import { canRead, canWrite } from '../auth';
import { Build } from '../model/types';
import {
  formatTime,
  formatTimeMs,
  href,
  includes,
  RenderContext,
  Rendered,
  within,
} from './context';
import { minimalBranch, standardBranch } from './branch';
import { renderCommit } from './commit';
import { minimalJob, standardJob } from './job';
import { minimalUser } from './owner';
import { minimalRepository, standardRepository } from './repository';
import { minimalRequest } from './request';
import { renderStage } from './stage';
import { standardUser } from './user';

export function buildPath(build: Build): string {
  return `/build/${build.id}`;
}

/** Renders the minimal build, also used in pending actions and as `last_build`. */
export function minimalBuild(context: RenderContext, build: Build): Rendered {
  return {
    '@type': 'build',
    '@href': href(context, buildPath(build)),
    '@representation': 'minimal',
    ...minimalFields(context, build),
  };
}

function minimalFields(context: RenderContext, build: Build): Rendered {
  const repository = context.state.repositories.get(build.repositoryId)!;
  return {
    id: build.id,
    number: String(build.number),
    state: build.state,
    duration: build.duration,
    event_type: build.eventType,
    previous_state: build.previousState,
    pull_request_title: build.pullRequestTitle,
    pull_request_number: build.pullRequestNumber,
    started_at: formatTime(build.startedAt),
    finished_at: formatTime(build.finishedAt),
    private: repository.private,
    priority: false,
  };
}

export function buildPermissions(context: RenderContext, build: Build): Record<string, boolean> {
  const repository = context.state.repositories.get(build.repositoryId)!;
  const write = canWrite(context.access, repository);
  return {
    read: canRead(context.access, repository, context.publicMode),
    cancel: write,
    restart: write,
    prioritize: false,
  };
}

/**
 * Renders the standard build. Nested objects are minimal unless `include=`
 * names them, and jobs rendered inside their build point back with `@href` only.
 */
export function standardBuild(context: RenderContext, build: Build): Rendered {
  const { state } = context;
  const repository = state.repositories.get(build.repositoryId)!;
  const commit = state.commits.get(build.commitId)!;
  const inner = within(context, href(context, buildPath(build)));
  const tagBuild = build.tagName === null ? null : state.lastBuildOfTag(build);

  const rendered: Rendered = {
    '@type': 'build',
    '@href': href(context, buildPath(build)),
    '@representation': 'standard',
    '@permissions': buildPermissions(context, build),
    ...minimalFields(context, build),
  };
  Object.assign(rendered, {
    repository: includes(context, 'build.repository')
      ? standardRepository(inner, repository)
      : minimalRepository(context, repository),
    branch: renderBuildBranch(context, build),
    tag:
      build.tagName === null
        ? null
        : {
            '@type': 'tag',
            '@representation': 'minimal',
            repository_id: repository.id,
            name: build.tagName,
            last_build_id: tagBuild?.id ?? build.id,
          },
    commit: renderCommit(context, commit, 'build.commit'),
    jobs: state
      .jobsOf(build)
      .map(job =>
        includes(context, 'build.jobs') ? standardJob(inner, job) : minimalJob(context, job),
      ),
    stages: state
      .stagesOf(build)
      .map(stage =>
        renderStage(inner, stage, includes(context, 'build.stages') ? 'standard' : 'minimal'),
      ),
    created_by: renderCreatedBy(context, build),
    updated_at: formatTimeMs(build.updatedAt),
  });

  if (includes(context, 'build.request')) {
    rendered.request = minimalRequest(context, state.requests.get(build.requestId)!);
  }
  if (includes(context, 'build.log_complete')) {
    rendered.log_complete = state.jobsOf(build).every(job => job.finishedAt !== null);
  }
  return rendered;
}

function renderBuildBranch(context: RenderContext, build: Build): Rendered | null {
  const branch = context.state.findBranch(build.repositoryId, build.branchName);
  if (includes(context, 'build.branch') && branch) {
    return standardBranch(context, branch);
  }
  return minimalBranch(context, build.repositoryId, build.branchName);
}

function renderCreatedBy(context: RenderContext, build: Build): Rendered | null {
  const user = build.createdById === null ? undefined : context.state.users.get(build.createdById);
  if (includes(context, 'build.created_by') && user) {
    return standardUser(context, user);
  }
  return minimalUser(context, user);
}
