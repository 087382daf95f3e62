import { Access, ANONYMOUS, lookUpToken, parseAuthorization } from './auth';
import { methodNotAllowed, resourceNotFound, TravisApiError, wrongCredentials, wrongParams } from './errors';
import { jsonResponse, SimOutcome, SimRequest, SimResponse, splitUrl, textResponse } from './http';
import { handleWebPageRequest } from './routes/webPage';
import { handleControlRequest, CONTROL_PREFIX } from './routes/control';
import { QueryParams } from './routes/params';
import { Route, RouteContext } from './routes/route';
import { matchRoute } from './routes/router';
import { SimulatorRuntime } from './runtime';

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-credentials': 'true',
  'access-control-expose-headers':
    'Content-Type, Cache-Control, Expires, Etag, Last-Modified, X-Request-ID',
};

const PREFLIGHT_HEADERS = {
  ...CORS_HEADERS,
  'access-control-allow-headers':
    'Content-Type, Authorization, Accept, If-None-Match, If-Modified-Since, X-User-Agent, X-Client-Release, Travis-API-Version, Trace',
  'access-control-allow-methods': 'HEAD, GET, POST, PATCH, PUT, DELETE',
  'access-control-max-age': '86400',
};

const SERVER_ERRORS: Record<500 | 502 | 503, SimResponse> = {
  500: textResponse(500, 'Sorry, we experienced an error.\n'),
  502: textResponse(502, htmlError('502 Bad Gateway'), 'text/html'),
  503: textResponse(503, htmlError('503 Service Temporarily Unavailable'), 'text/html'),
};

/**
 * Handles one request as a Travis installation mounted at `mount` would.
 * This is the single route layer behind both the msw handlers and the
 * HTTP server; it performs no I/O, so adapters only translate requests
 * and apply the delay or connection reset it returns.
 */
export function handleRequest(runtime: SimulatorRuntime, request: SimRequest, mount: string): SimOutcome {
  const { path } = splitUrl(request.url);
  if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
    return { kind: 'response', response: handleControlRequest(runtime, request), delayMs: 0 };
  }

  const webPage = handleWebPageRequest(runtime, request);
  if (webPage) {
    return { kind: 'response', response: webPage, delayMs: 0 };
  }

  const fault = runtime.faults.decide();
  switch (fault.kind) {
    case 'reset':
      return { kind: 'reset', delayMs: fault.delayMs };
    case 'error':
      return { kind: 'response', response: SERVER_ERRORS[fault.status], delayMs: fault.delayMs };
    case 'throttle':
      // Rack::Attack's throttled response: plain text, no Retry-After header.
      return { kind: 'response', response: textResponse(429, 'Retry later\n'), delayMs: fault.delayMs };
    default:
      return { kind: 'response', response: handleApiRequest(runtime, request, mount), delayMs: fault.delayMs };
  }
}

function handleApiRequest(runtime: SimulatorRuntime, request: SimRequest, mount: string): SimResponse {
  const { path: fullPath, query } = splitUrl(request.url);
  if (mount && fullPath !== mount && !fullPath.startsWith(`${mount}/`)) {
    return textResponse(404, htmlError('404 Not Found'), 'text/html');
  }
  const path = fullPath.slice(mount.length) || '/';

  if (request.method === 'OPTIONS') {
    return { status: 200, headers: { ...PREFLIGHT_HEADERS }, body: '' };
  }

  const now = runtime.sync();

  // An unknown or revoked token is rejected before the API version is
  // even chosen, with an HTML body rather than a JSON error.
  const credentials = parseAuthorization(request.headers.authorization);
  let access: Access = ANONYMOUS;
  if (credentials.kind === 'token') {
    const found = lookUpToken(runtime.state, credentials.token);
    if (!found) {
      return withCors(textResponse(403, 'access denied', 'text/html;charset=utf-8'));
    }
    access = found;
  }

  if (path === '/v3') {
    return withCors({ status: 307, headers: { location: `${mount}/v3/` }, body: '' });
  }
  const versionPrefixed = path.startsWith('/v3/');
  if (!versionPrefixed && !selectsVersion3(request)) {
    // The v2 API would handle this request; it has none of these paths.
    return withCors(jsonResponse(404, { file: 'not found' }));
  }

  const scriptName = versionPrefixed ? `${mount}/v3` : mount;
  const routePath = versionPrefixed ? path.slice(3) : path;
  const match = matchRoute(request.method, routePath);
  const headers: Record<string, string> = { ...CORS_HEADERS };
  if (access.user) {
    headers['x-oauth-scopes'] = 'public,private';
  }

  try {
    if (match.kind !== 'match') {
      if (match.kind === 'method_not_allowed') {
        headers['x-endpoint'] = endpointName(match.route);
        throw methodNotAllowed();
      }
      throw resourceNotFound();
    }
    headers['x-endpoint'] = endpointName(match.route);
    if (credentials.kind === 'wrong_scheme') {
      throw wrongCredentials();
    }

    const queryParams = new QueryParams(query);
    const logToken = queryParams.get('log.token');
    if (logToken !== undefined) {
      access = { ...access, logTokenJobId: jobIdForLogToken(runtime, match.params.id, logToken) };
    }

    const context: RouteContext = {
      runtime,
      request,
      params: match.params,
      query: queryParams,
      access,
      requestHref: `${scriptName}${routePath}${query ? `?${query}` : ''}`,
      body: parseBody(request),
      enterprise: mount !== '',
      now,
      render: {
        state: runtime.state,
        access,
        scriptName,
        include: queryParams.include(),
        ancestors: new Set(),
        publicMode: runtime.options.publicMode,
        now,
      },
    };
    queryParams.warnUnknown(['include', ...(match.route.params ?? [])]);

    const reply = match.route.handle(context);
    if ('text' in reply) {
      return { status: reply.status, headers: { ...headers, 'content-type': reply.contentType }, body: reply.text };
    }
    const body = queryParams.warnings.length > 0 ? { ...reply.body, '@warnings': queryParams.warnings } : reply.body;
    return jsonResponse(reply.status, body, headers);
  } catch (error) {
    if (error instanceof TravisApiError) {
      return jsonResponse(error.status, error.toBody(), headers);
    }
    throw error;
  }
}

/** Header `Travis-API-Version: 3` exactly, or an `Accept` naming the v3 media type. */
function selectsVersion3(request: SimRequest): boolean {
  return (
    request.headers['travis-api-version'] === '3' ||
    (request.headers.accept ?? '').includes('application/vnd.travis-ci.3+')
  );
}

/**
 * Parses the body only when it is declared as JSON; Travis ignores any
 * other body and falls back to defaults.
 */
function parseBody(request: SimRequest): Record<string, unknown> | null {
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!['application/json', 'text/json'].includes(mediaType) || request.body.trim() === '') {
    return null;
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(request.body);
  } catch {
    throw wrongParams('request body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw wrongParams('request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

function jobIdForLogToken(runtime: SimulatorRuntime, id: string | undefined, token: string): number | null {
  const job = id === undefined ? undefined : runtime.state.jobs.get(Number(id));
  return job && job.logToken === token ? job.id : null;
}

function endpointName(route: Route): string {
  return `Travis::API::V3::Services::${route.service}`;
}

function withCors(response: SimResponse): SimResponse {
  return { ...response, headers: { ...CORS_HEADERS, ...response.headers } };
}

function htmlError(title: string): string {
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`;
}
