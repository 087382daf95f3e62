import { canRead, canWrite } from '../auth';
import { insufficientAccess, loginRequired, notFound } from '../errors';
import { Build, Job, Repository } from '../model/types';
import { Rendered } from '../render/context';
import { RouteContext } from './route';

const PROVIDERS = ['github', 'bitbucket', 'gitlab', 'assembla'];

/**
 * Resolves `{repository}`: a numeric id or a slug with its slash encoded as
 * `%2F`, matched without regard to case, optionally after a provider such
 * as `github/`. An invisible repository is reported exactly like a missing
 * one.
 */
export function findRepository(context: RouteContext): Repository {
  const { state } = context.runtime;
  const raw = context.params.repository;
  const [provider, reference] = raw.includes('/') ? raw.split('/', 2) : ['github', raw];

  let repository: Repository | undefined;
  if (/^\d+$/.test(reference)) {
    repository = state.repositories.get(Number(reference));
  } else {
    repository = state.findRepositoryBySlug(decodeURIComponent(reference));
  }

  // Every simulated repository lives on GitHub, so another provider finds nothing.
  if (
    !repository ||
    provider !== 'github' ||
    !canRead(context.access, repository, context.render.publicMode)
  ) {
    throw notFound('repository');
  }
  return repository;
}

export function isRepositoryReference(segment: string): boolean {
  return /^\d+$/.test(segment) || /^[^/]+%2[fF][^/]+$/.test(segment);
}

export function isProvider(segment: string): boolean {
  return PROVIDERS.includes(segment);
}

export function findBuild(context: RouteContext): Build {
  const { state } = context.runtime;
  const build = state.builds.get(Number(context.params.id));
  if (!build || !readable(context, build.repositoryId)) {
    throw notFound('build');
  }
  return build;
}

export function findJob(context: RouteContext, resourceType = 'job'): Job {
  const { state } = context.runtime;
  const job = state.jobs.get(Number(context.params.id));
  if (!job) {
    throw notFound(resourceType);
  }
  const unlockedByLogToken = resourceType === 'log' && context.access.logTokenJobId === job.id;
  if (!unlockedByLogToken && !readable(context, job.repositoryId)) {
    throw notFound(resourceType);
  }
  return job;
}

/** Throws `login_required` when no valid token was sent; actions check this before anything else. */
export function requireLogin(context: RouteContext) {
  if (!context.access.user) {
    throw loginRequired();
  }
}

/** Throws `insufficient_access` naming the permission when the caller may read but not write. */
export function requireWrite(
  context: RouteContext,
  repository: Repository,
  permission: string,
  resourceType: string,
  resource: Rendered,
) {
  if (!canWrite(context.access, repository)) {
    throw insufficientAccess(permission, resourceType, resource);
  }
}

function readable(context: RouteContext, repositoryId: number): boolean {
  const repository = context.runtime.state.repositories.get(repositoryId)!;
  return canRead(context.access, repository, context.render.publicMode);
}
