import { Rendered } from './context';

export interface PageRequest {
  limit: number;
  offset: number;
  skipCount: boolean;
}

/** Matches an href whose query holds only `limit` and `offset`. */
const LIMIT_OFFSET_ONLY = /\?(?:&?(?:limit|offset)=[^=]*)*$/;

/**
 * Cuts one page out of `items` and renders `@pagination` with Travis'
 * arithmetic: `is_last` when count <= offset + limit, `prev` shrinking to
 * `{offset: 0, limit: offset}` near the start, and `last.offset` computed
 * as floor(count / limit) * limit minus one limit when that equals count,
 * which makes it `-limit` for an empty list.
 */
export function paginate<T>(
  items: T[],
  page: PageRequest,
  requestHref: string,
): { entries: T[]; pagination: Rendered } {
  const { limit, offset } = page;
  const entries = items.slice(offset, offset + limit);

  // With skip_count Travis does not count: it claims one more entry after
  // a full page, so `next` is present until a short page arrives.
  const count = page.skipCount
    ? offset + entries.length + (entries.length === limit ? 1 : 0)
    : items.length;

  const link = (linkOffset: number, linkLimit = limit) => ({
    '@href': pageHref(requestHref, page, linkOffset, linkLimit),
    offset: linkOffset,
    limit: linkLimit,
  });

  const isLast = count <= offset + limit;
  let prev: Rendered | null = null;
  if (offset > 0) {
    prev = offset <= limit ? link(0, offset) : link(offset - limit);
  }
  let lastOffset = Math.floor(count / limit) * limit;
  if (lastOffset === count) {
    lastOffset -= limit;
  }

  return {
    entries,
    pagination: {
      limit,
      offset,
      count,
      is_first: offset === 0,
      is_last: isLast,
      next: isLast ? null : link(offset + limit),
      prev,
      first: link(0),
      last: link(lastOffset),
    },
  };
}

function pageHref(requestHref: string, page: PageRequest, offset: number, limit: number): string {
  if (offset === page.offset && limit === page.limit) {
    return requestHref;
  }

  const [path, query = ''] = requestHref.split(/\?(.*)/s);
  if (!requestHref.includes('?') || LIMIT_OFFSET_ONLY.test(requestHref)) {
    return `${path}?limit=${limit}&offset=${offset}`;
  }

  // Other parameters present: Travis re-serialises the whole query with
  // keys in alphabetical order, the last value of a repeated key winning.
  const values = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(query)) {
    values.set(key, value);
  }
  values.set('limit', String(limit));
  values.set('offset', String(offset));
  const serialized = [...values.entries()]
    .sort(([a], [b]) => compareBytes(a, b))
    .map(([key, value]) => `${encodeStrict(key)}=${encodeStrict(value)}`)
    .join('&');
  return `${path}?${serialized}`;
}

/** Orders strings by code unit, as Ruby sorts query keys. */
function compareBytes(left: string, right: string): number {
  if (left === right) {
    return 0;
  }
  return left < right ? -1 : 1;
}

/** Percent-encodes everything but RFC 3986 unreserved characters. */
function encodeStrict(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    char => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
