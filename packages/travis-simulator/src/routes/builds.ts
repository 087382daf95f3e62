import { Build } from '../model/types';
import { standardBuild } from '../render/build';
import { paginatedReply } from './collection';
import { findRepository } from './lookup';
import { sortBy } from './params';
import { PAGINATION_PARAMS, Route, RouteContext } from './route';

const FILTERS = [
  'branch.name',
  'build.state',
  'state',
  'build.event_type',
  'event_type',
  'build.previous_state',
  'previous_state',
  'build.created_by',
  'created_by',
] as const;

const SORT_FIELDS = ['id', 'created_at', 'started_at', 'finished_at', 'number'];

export const buildsRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/repo/{repository}/builds',
    service: 'Builds::Find',
    params: [...FILTERS, ...PAGINATION_PARAMS],
    handle(context) {
      const repository = findRepository(context);
      const builds = filterBuilds(context, context.runtime.state.buildsOf(repository.id));
      const sorted = sortBy(
        builds,
        context.query.sort(SORT_FIELDS, 'number:desc,id:desc'),
        sortValue,
      );
      return paginatedReply(context, 'builds', sorted, build => standardBuild(context.render, build));
    },
  },
];

/** Applies the filters; each takes a comma-separated list, and `build.x` and bare `x` are aliases. */
function filterBuilds(context: RouteContext, builds: Build[]): Build[] {
  const { query } = context;
  const { users, organizations } = context.runtime.state;
  const branches = query.list('branch.name');
  const states = query.list('build.state', 'state');
  const eventTypes = query.list('build.event_type', 'event_type');
  const previousStates = query.list('build.previous_state', 'previous_state');
  const creators = query.list('build.created_by', 'created_by')?.map(login => login.toLowerCase());

  const creatorIds = creators
    ? new Set(
        [...users.values(), ...organizations.values()]
          .filter(owner => creators.includes(owner.login.toLowerCase()))
          .map(owner => owner.id),
      )
    : undefined;

  return builds.filter(
    build =>
      (!branches || branches.includes(build.branchName)) &&
      (!states || states.includes(build.state)) &&
      (!eventTypes || eventTypes.includes(build.eventType)) &&
      (!previousStates || previousStates.includes(build.previousState ?? '')) &&
      (!creatorIds || (build.createdById !== null && creatorIds.has(build.createdById))),
  );
}

function sortValue(build: Build, field: string): number | null {
  switch (field) {
    case 'created_at':
      return build.createdAt;
    case 'started_at':
      return build.startedAt;
    case 'finished_at':
      return build.finishedAt;
    case 'number':
      return build.number;
    default:
      return build.id;
  }
}
