import { setupServer } from 'msw/node';
import { createTravisSimulator, TravisSimulator, TravisSimulatorOptions } from '../simulator';

/** Base URL of the hosted instance the msw handlers serve in tests. */
export const HOSTED_URL = 'https://api.travis-ci.com';

export interface CallOptions {
  method?: string;
  token?: string | null;
  headers?: Record<string, string>;
  body?: unknown;
  /** Leave out `Travis-API-Version: 3`. */
  withoutVersion?: boolean;
}

export interface TestApi {
  simulator: TravisSimulator;
  /** Calls the API at `baseUrl + path` as the backend plugin would. */
  call(path: string, options?: CallOptions): Promise<Response>;
  /** Calls the API and parses the JSON body. */
  json(path: string, options?: CallOptions): Promise<{ status: number; body: any; response: Response }>;
}

/**
 * Starts msw with a fresh simulator (time frozen unless `speed` is given)
 * around each test of the calling file.
 */
export function useSimulatorApi(
  options: TravisSimulatorOptions = {},
  baseUrl = HOSTED_URL,
): TestApi {
  const api = {} as TestApi;
  let server: ReturnType<typeof setupServer>;

  beforeAll(() => {
    server = setupServer();
    server.listen({ onUnhandledRequest: 'error' });
  });
  beforeEach(() => {
    api.simulator = createTravisSimulator({ speed: 0, ...options });
    server.resetHandlers(...api.simulator.handlers(baseUrl));
  });
  afterAll(() => server.close());

  api.call = (path, callOptions = {}) => callTravis(baseUrl, path, callOptions);
  api.json = async (path, callOptions) => {
    const response = await api.call(path, callOptions);
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, response };
  };
  return api;
}

export function callTravis(baseUrl: string, path: string, options: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { 'User-Agent': 'SimulatorTests/1.0.0', ...options.headers };
  if (!options.withoutVersion) {
    headers['Travis-API-Version'] = '3';
  }
  if (options.token !== null) {
    headers.Authorization = `token ${options.token ?? 'sim-admin-token'}`;
  }

  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['Content-Type'] ??= 'application/json';
  }
  return fetch(`${baseUrl}${path}`, { method: options.method ?? 'GET', headers, body });
}
