import { jsonResponse, SimRequest, SimResponse, splitUrl } from '../http';
import { slugOf } from '../model/state';
import { isTerminal } from '../model/types';
import { SimulatorRuntime } from '../runtime';

/** Path prefix of the control endpoints, outside every Travis API path. */
export const CONTROL_PREFIX = '/__simulator';

/**
 * Serves the control endpoints that drive faults, time, tokens and resets
 * at run time. They mirror the methods of the simulator object and are
 * never subject to injected faults.
 */
export function handleControlRequest(runtime: SimulatorRuntime, request: SimRequest): SimResponse {
  const { path } = splitUrl(request.url);
  const route = `${request.method} ${path.slice(CONTROL_PREFIX.length)}`;

  try {
    const revokeMatch = route.match(/^POST \/tokens\/([^/]+)\/revoke$/);
    if (revokeMatch) {
      const token = decodeURIComponent(revokeMatch[1]);
      if (!runtime.revokeToken(token)) {
        return problem(404, `Unknown token "${maskToken(token)}": add it with POST ${CONTROL_PREFIX}/tokens first`);
      }
      return jsonResponse(200, { token: maskToken(token), revoked: true });
    }

    switch (route) {
      case 'GET /faults':
        return jsonResponse(200, runtime.faults.get());
      case 'PUT /faults':
        return jsonResponse(200, runtime.faults.set(readJson(request) as object));
      case 'DELETE /faults':
        return jsonResponse(200, runtime.faults.reset());
      case 'GET /clock':
        return jsonResponse(200, clockSummary(runtime));
      case 'PUT /clock':
        runtime.clock.setSpeed(numberField(readJson(request), 'speed'));
        return jsonResponse(200, clockSummary(runtime));
      case 'POST /clock/advance':
        runtime.clock.advance(numberField(readJson(request), 'ms'));
        runtime.sync();
        return jsonResponse(200, clockSummary(runtime));
      case 'POST /tokens': {
        const body = readJson(request);
        runtime.addToken(String(body.token ?? ''), repositoriesField(body), typeof body.login === 'string' ? body.login : undefined);
        return jsonResponse(201, { token: maskToken(String(body.token)), repositories: body.repositories });
      }
      case 'POST /reset':
        runtime.reset();
        return jsonResponse(200, stateSummary(runtime));
      case 'GET /state':
        runtime.sync();
        return jsonResponse(200, stateSummary(runtime));
      default:
        return problem(404, `No control endpoint ${route}: see the simulator README for the list`);
    }
  } catch (error) {
    if (error instanceof TypeError || error instanceof RangeError) {
      return problem(400, error.message);
    }
    throw error;
  }
}

function clockSummary(runtime: SimulatorRuntime) {
  return { now: runtime.clock.now().toISOString(), speed: runtime.clock.speed() };
}

/** Summarizes the installation for people and scripts checking what the simulator contains. */
export function stateSummary(runtime: SimulatorRuntime) {
  const { state } = runtime;
  return {
    ...clockSummary(runtime),
    faults: runtime.faults.get(),
    repositories: [...state.repositories.values()].map(repository => {
      const builds = state.buildsOf(repository.id);
      const last = builds[builds.length - 1];
      return {
        id: repository.id,
        slug: slugOf(repository),
        private: repository.private,
        builds: builds.length,
        running: builds.filter(build => !isTerminal(build.state)).length,
        lastBuild: last ? { id: last.id, number: String(last.number), state: last.state } : null,
      };
    }),
    pendingRequests: state.pendingRequestIds.size,
    tokens: [...state.tokens.values()].map(token => ({
      token: maskToken(token.token),
      user: state.users.get(token.userId)?.login,
      revoked: token.revoked,
      repositories: token.repositories === '*' ? '*' : [...token.repositories],
    })),
  };
}

/** Shows only the start of a token, so summaries can be logged safely. */
function maskToken(token: string): string {
  return token.length <= 8 ? '****' : `${token.slice(0, 8)}****`;
}

function readJson(request: SimRequest): Record<string, unknown> {
  if (request.body.trim() === '') {
    return {};
  }
  try {
    const parsed = JSON.parse(request.body);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return parsed;
    }
  } catch {
    // Reported below with the expected shape.
  }
  throw new TypeError('Request body must be a JSON object');
}

function numberField(body: Record<string, unknown>, name: string): number {
  const value = body[name];
  if (typeof value !== 'number') {
    throw new TypeError(`Missing or invalid "${name}": send a number, e.g. {"${name}": 60000}`);
  }
  return value;
}

function repositoriesField(body: Record<string, unknown>): string[] | '*' {
  const value = body.repositories;
  if (value === '*' || (Array.isArray(value) && value.every(item => typeof item === 'string'))) {
    return value as string[] | '*';
  }
  throw new TypeError('Invalid "repositories": send "*" or an array of slugs such as ["acme/payments-api"]');
}

function problem(status: number, message: string): SimResponse {
  return jsonResponse(status, { error: message });
}
