import { Access } from '../auth';
import { SimRequest } from '../http';
import { RenderContext, Rendered } from '../render/context';
import { SimulatorRuntime } from '../runtime';
import { QueryParams } from './params';

/** Everything a route handler needs about one v3 request. */
export interface RouteContext {
  runtime: SimulatorRuntime;
  request: SimRequest;
  /** Raw path parameters, still percent-encoded. */
  params: Record<string, string>;
  query: QueryParams;
  access: Access;
  render: RenderContext;
  /** Path and query as sent, prefixed with the script name: the `@href` of a collection. */
  requestHref: string;
  /** Parsed JSON body, or null when the body is absent or not declared as JSON. */
  body: Record<string, unknown> | null;
  /** True when the API is mounted under a path, as on Travis CI Enterprise. */
  enterprise: boolean;
  now: number;
}

export type Reply =
  | { status: number; body: Rendered }
  | { status: number; text: string; contentType: string };

export interface Route {
  method: 'GET' | 'POST';
  /** Segments such as `/repo/{repository}/builds`; `{repository}` takes an id or a `%2F` slug with an optional provider. */
  pattern: string;
  /** Service name reported in `X-Endpoint`, e.g. `Builds::Find`. */
  service: string;
  /** Query parameters the service accepts besides `include`; others earn a warning. */
  params?: readonly string[];
  handle(context: RouteContext): Reply;
}

/** Query parameters of every paginated collection. */
export const PAGINATION_PARAMS = ['limit', 'offset', 'skip_count', 'sort_by', 'representation'] as const;
