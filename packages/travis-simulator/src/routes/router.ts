import { branchRoutes } from './branches';
import { buildRoutes } from './build';
import { buildsRoutes } from './builds';
import { jobRoutes } from './job';
import { logRoutes } from './log';
import { isProvider, isRepositoryReference } from './lookup';
import { repositoryRoutes } from './repository';
import { requestRoutes } from './requests';
import { Route } from './route';
import { userRoutes } from './user';

export const ROUTES: Route[] = [
  ...repositoryRoutes,
  ...buildsRoutes,
  ...branchRoutes,
  ...requestRoutes,
  ...buildRoutes,
  ...jobRoutes,
  ...logRoutes,
  ...userRoutes,
];

export type RouteMatch =
  | { kind: 'match'; route: Route; params: Record<string, string> }
  | { kind: 'method_not_allowed'; route: Route }
  | { kind: 'none' };

/** Finds the route for a raw path (percent-encoding intact, prefixes removed). */
export function matchRoute(method: string, path: string): RouteMatch {
  const segments = path.split('/').slice(1);
  let wrongMethod: Route | undefined;

  for (const route of ROUTES) {
    const params = matchSegments(route.pattern.split('/').slice(1), segments);
    if (!params) {
      continue;
    }
    if (route.method === method || (method === 'HEAD' && route.method === 'GET')) {
      return { kind: 'match', route, params };
    }
    wrongMethod ??= route;
  }
  return wrongMethod ? { kind: 'method_not_allowed', route: wrongMethod } : { kind: 'none' };
}

function matchSegments(
  pattern: string[],
  segments: string[],
): Record<string, string> | undefined {
  if (pattern.length === 0) {
    return segments.length === 0 ? {} : undefined;
  }
  const [head, ...rest] = pattern;
  const [segment, ...remaining] = segments;
  if (segment === undefined || segment === '') {
    return undefined;
  }

  if (head === '{repository}') {
    // An optional provider segment comes before the id or slug.
    if (isProvider(segment) && remaining.length > 0 && isRepositoryReference(remaining[0])) {
      const params = matchSegments(rest, remaining.slice(1));
      if (params) {
        return { ...params, repository: `${segment}/${remaining[0]}` };
      }
    }
    if (!isRepositoryReference(segment)) {
      return undefined;
    }
    const params = matchSegments(rest, remaining);
    return params && { ...params, repository: segment };
  }

  if (head === '{id}') {
    if (!/^\d+$/.test(segment)) {
      return undefined;
    }
    const params = matchSegments(rest, remaining);
    return params && { ...params, id: segment };
  }

  if (head.startsWith('{')) {
    const params = matchSegments(rest, remaining);
    return params && { ...params, [head.slice(1, -1)]: segment };
  }

  return head === segment ? matchSegments(rest, remaining) : undefined;
}
