import { registerMswTestHooks } from '@backstage/backend-test-utils';
import {
  createTravisSimulator,
  SIMULATOR_TOKENS,
  TravisSimulator,
} from '@travis-ci-backstage/travis-simulator';
import { http, passthrough, RequestHandler } from 'msw';
import { setupServer, SetupServer } from 'msw/node';

/** API base URL of the hosted instance in the tests. */
export const HOSTED_API_URL = 'https://api.travis-ci.com';
/** API base URL of the Enterprise instance, mounted under `/api`. */
export const ENTERPRISE_API_URL = 'https://travis.example.com/api';
/** Web UI URL of the Enterprise instance. */
export const ENTERPRISE_WEB_URL = 'https://travis.example.com';

/** The `travisci` config of the tests: hosted travis-ci.com and an Enterprise instance. */
export const TEST_TRAVIS_CONFIG = {
  instances: [
    {
      name: 'default',
      baseUrl: HOSTED_API_URL,
      token: SIMULATOR_TOKENS.admin,
    },
    {
      name: 'enterprise',
      baseUrl: ENTERPRISE_API_URL,
      webUrl: ENTERPRISE_WEB_URL,
      token: SIMULATOR_TOKENS.admin,
    },
  ],
};

/**
 * Registers msw handlers of a Travis CI simulator that serves both test
 * instances, for the tests of the calling file. Requests to the test backend on
 * 127.0.0.1 pass through. Time stands still unless a test advances it.
 */
export function useTravisSimulator(extraHandlers: RequestHandler[] = []): {
  simulator: TravisSimulator;
  server: SetupServer;
} {
  const simulator = createTravisSimulator({ speed: 0 });
  const server = setupServer(
    ...extraHandlers,
    ...simulator.handlers(HOSTED_API_URL),
    ...simulator.handlers(ENTERPRISE_API_URL),
    http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()),
  );
  registerMswTestHooks(server);
  afterEach(() => simulator.reset());
  return { simulator, server };
}
