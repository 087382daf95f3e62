import { notFound } from '../errors';
import { Branch } from '../model/types';
import { standardBranch } from '../render/branch';
import { paginatedReply } from './collection';
import { findRepository } from './lookup';
import { sortBy } from './params';
import { PAGINATION_PARAMS, Route, RouteContext } from './route';

const SORT_FIELDS = ['name', 'last_build', 'exists_on_github', 'default_branch'];

export const branchRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/repo/{repository}/branches',
    service: 'Branches::Find',
    params: ['branch.exists_on_github', 'branch.name', ...PAGINATION_PARAMS],
    handle(context) {
      const repository = findRepository(context);
      const branches = filterBranches(context, context.runtime.state.branchesOf(repository.id));
      const sorted = sortBy(
        branches,
        context.query.sort(SORT_FIELDS, 'default_branch,exists_on_github,last_build:desc'),
        (branch, field) => branchSortValue(context, branch, field),
      );
      return paginatedReply(context, 'branches', sorted, branch => standardBranch(context.render, branch));
    },
  },
  {
    method: 'GET',
    pattern: '/repo/{repository}/branch/{name}',
    service: 'Branch::Find',
    handle(context) {
      const repository = findRepository(context);
      const branch = context.runtime.state.findBranch(
        repository.id,
        decodeURIComponent(context.params.name),
      );
      if (!branch) {
        throw notFound('branch');
      }
      return { status: 200, body: standardBranch(context.render, branch) };
    },
  },
];

/** `branch.name` is a case-insensitive substring; `branch.exists_on_github` a boolean. */
function filterBranches(context: RouteContext, branches: Branch[]): Branch[] {
  const name = context.query.get('branch.name')?.toLowerCase();
  const exists = context.query.get('branch.exists_on_github');
  return branches.filter(
    branch =>
      (name === undefined || branch.name.toLowerCase().includes(name)) &&
      (exists === undefined || String(branch.existsOnGithub) === exists),
  );
}

/**
 * Sort values arranged so that ascending order puts the default branch and
 * branches that still exist first, as Travis' default order does.
 */
function branchSortValue(context: RouteContext, branch: Branch, field: string): number | string | null {
  const repository = context.runtime.state.repositories.get(branch.repositoryId)!;
  switch (field) {
    case 'name':
      return branch.name;
    case 'default_branch':
      return repository.defaultBranch === branch.name ? 0 : 1;
    case 'exists_on_github':
      return branch.existsOnGithub ? 0 : 1;
    default:
      return context.runtime.state.lastBuildOfBranch(branch.repositoryId, branch.name)?.id ?? null;
  }
}
