import { paginate } from '../render/pagination';
import { Rendered } from '../render/context';
import { Reply, RouteContext } from './route';

/**
 * Returns one page of a collection: `@type`, the request path as
 * `@href`, `@pagination`, and the entries under a key named like the type.
 */
export function paginatedReply<T>(
  context: RouteContext,
  type: string,
  items: T[],
  renderEntry: (item: T) => Rendered,
): Reply {
  const { entries, pagination } = paginate(items, context.query.page(), context.requestHref);
  return {
    status: 200,
    body: {
      '@type': type,
      '@href': context.requestHref,
      '@representation': 'standard',
      '@pagination': pagination,
      [type]: entries.map(renderEntry),
    },
  };
}
