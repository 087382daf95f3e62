import { http, HttpResponse, RequestHandler } from 'msw';
import { handleRequest } from './api';
import { SimulatorRuntime } from './runtime';

/**
 * msw v2 handlers serving the simulator at `baseUrl`. The path of
 * `baseUrl` is the mount prefix (e.g. `/api` for Enterprise); the control
 * endpoints respond under `/__simulator/` on the same origin. A connection
 * reset becomes `HttpResponse.error()`, which fetch reports as a network
 * error.
 */
export function createHandlers(runtime: SimulatorRuntime, baseUrl: string): RequestHandler[] {
  const url = new URL(baseUrl);
  const mount = normalizeMount(url.pathname);

  return [
    http.all(`${url.origin}/*`, async ({ request }) => {
      const { pathname, search } = new URL(request.url);
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });

      const outcome = handleRequest(
        runtime,
        { method: request.method, url: `${pathname}${search}`, headers, body: await request.text() },
        mount,
      );
      if (outcome.delayMs > 0) {
        await new Promise(resolve => setTimeout(resolve, outcome.delayMs));
      }
      if (outcome.kind === 'reset') {
        return HttpResponse.error();
      }

      const { status, headers: responseHeaders, body } = outcome.response;
      const emptyBody = request.method === 'HEAD' || status === 204 || status === 307;
      return new HttpResponse(emptyBody ? null : body, { status, headers: responseHeaders });
    }),
  ];
}

/** Turns a path such as `/api/` into the mount prefix `/api`, and `/` into the empty prefix. */
export function normalizeMount(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') {
    return '';
  }
  if (!trimmed.startsWith('/')) {
    throw new TypeError(`Invalid prefix "${path}": start it with a slash, e.g. /api`);
  }
  return trimmed;
}
