import { Branch } from '../model/types';
import { href, includes, RenderContext, Rendered } from './context';
import { minimalBuild } from './build';
import { minimalRepository } from './repository';

export function branchPath(repositoryId: number, name: string): string {
  return `/repo/${repositoryId}/branch/${encodeURIComponent(name)}`;
}

export function minimalBranch(context: RenderContext, repositoryId: number, name: string): Rendered {
  return {
    '@type': 'branch',
    '@href': href(context, branchPath(repositoryId, name)),
    '@representation': 'minimal',
    name,
  };
}

/** Renders the standard branch. `include=branch.recent_builds` adds its ten newest builds. */
export function standardBranch(context: RenderContext, branch: Branch): Rendered {
  const { state } = context;
  const repository = state.repositories.get(branch.repositoryId)!;
  const lastBuild = state.lastBuildOfBranch(branch.repositoryId, branch.name);

  const rendered: Rendered = {
    '@type': 'branch',
    '@href': href(context, branchPath(repository.id, branch.name)),
    '@representation': 'standard',
    name: branch.name,
    repository: minimalRepository(context, repository),
    default_branch: repository.defaultBranch === branch.name,
    exists_on_github: branch.existsOnGithub,
    last_build: lastBuild ? minimalBuild(context, lastBuild) : null,
  };

  if (includes(context, 'branch.recent_builds')) {
    rendered.recent_builds = state
      .buildsOf(repository.id)
      .filter(build => build.branchName === branch.name && build.tagName === null)
      .sort((a, b) => b.number - a.number)
      .slice(0, 10)
      .map(build => minimalBuild(context, build));
  }
  return rendered;
}
