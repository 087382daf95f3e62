import { RequestHandler } from 'msw';
import { handleRequest } from './api';
import { SimulatorClock } from './clock';
import { FaultSettings } from './faults';
import { SimOutcome, SimRequest } from './http';
import { createHandlers, normalizeMount } from './msw';
import { stateSummary } from './routes/control';
import { SimulatorRuntime } from './runtime';
import { ListenOptions, RunningSimulatorServer, startServer } from './server';

/** Default simulated start time, fixed so that seeded data is the same on every run. */
export const DEFAULT_START_TIME = '2025-03-03T09:00:00.000Z';

export interface TravisSimulatorOptions {
  /** Seed of the generated history and of the fault sequence; default 1. */
  seed?: number;
  /** Mount prefix for `listen()`: empty for hosted Travis, `/api` for Enterprise. */
  prefix?: string;
  /** Simulated milliseconds per real millisecond; 0 freezes time. Default 1. */
  speed?: number;
  /** Simulated time at start and after `reset()`; default 2025-03-03T09:00:00Z. */
  startTime?: Date | string | number;
  /**
   * Whether anonymous callers may read public repositories, as on hosted
   * Travis (default true). Enterprise installs usually run with false.
   */
  publicMode?: boolean;
  /** Faults active from the start and restored by `faults.reset()`. */
  faults?: Partial<FaultSettings>;
  /** Seeded tokens that are revoked from the start and again after `reset()`. */
  revokedTokens?: string[];
}

export interface SimulatorFaults {
  get(): FaultSettings;
  /** Changes some settings and keeps the others; throws TypeError on invalid values. */
  set(partial: Partial<FaultSettings>): FaultSettings;
  /** Restores the faults given at start-up. */
  reset(): FaultSettings;
}

export interface TravisSimulator {
  readonly clock: SimulatorClock;
  readonly faults: SimulatorFaults;
  /** msw v2 handlers for an instance at `baseUrl`; the URL's path is the mount prefix. */
  handlers(baseUrl: string): RequestHandler[];
  /** Serves the simulator over HTTP, by default on a free port of 127.0.0.1. */
  listen(options?: ListenOptions): Promise<RunningSimulatorServer>;
  /** Makes a token invalid, so Travis' `403 access denied` follows. */
  revokeToken(token: string): void;
  /** Adds a token with write access to the given repositories ('*' for all), for a new user. */
  addToken(token: string, repositorySlugs: string[] | '*'): void;
  /** Goes back to the seeded state, start time and start-up faults. */
  reset(): void;
  /** The route layer itself, for adapters other than msw and node:http. */
  handle(request: SimRequest, mount?: string): SimOutcome;
  /** A summary of repositories, running builds and tokens (tokens masked). */
  summary(): ReturnType<typeof stateSummary>;
}

/**
 * Creates a stateful Travis CI API v3 simulator with the seeded
 * repositories, users and tokens. Each call returns an independent instance.
 */
export function createTravisSimulator(options: TravisSimulatorOptions = {}): TravisSimulator {
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) {
    throw new TypeError(`Invalid seed ${seed}: use an integer`);
  }
  const startTime = new Date(options.startTime ?? DEFAULT_START_TIME).getTime();
  if (Number.isNaN(startTime)) {
    throw new TypeError(`Invalid startTime ${String(options.startTime)}: use an ISO 8601 time`);
  }
  const mount = normalizeMount(options.prefix ?? '');

  const runtime = new SimulatorRuntime({
    seed,
    speed: options.speed ?? 1,
    startTime,
    publicMode: options.publicMode ?? true,
    faults: options.faults ?? {},
    revokedTokens: options.revokedTokens ?? [],
  });

  return {
    clock: runtime.clock,
    faults: runtime.faults,
    handlers: baseUrl => createHandlers(runtime, baseUrl),
    listen: listenOptions => startServer(runtime, mount, listenOptions),
    revokeToken(token) {
      if (!runtime.revokeToken(token)) {
        throw new TypeError(`Unknown token: add it with addToken() before revoking it`);
      }
    },
    addToken: (token, repositorySlugs) => runtime.addToken(token, repositorySlugs),
    reset: () => runtime.reset(),
    handle: (request, requestMount = mount) => handleRequest(runtime, request, requestMount),
    summary: () => {
      runtime.sync();
      return stateSummary(runtime);
    },
  };
}
