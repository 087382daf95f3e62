import { mockCredentials, registerMswTestHooks } from '@backstage/backend-test-utils';
import {
  createTravisSimulator,
  SIMULATOR_TOKENS,
} from '@travis-ci-backstage/travis-simulator';
import { http, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import request from 'supertest';
import { startTravisTestBackend } from './testUtils/startTravisTestBackend';

const API = 'https://api.travis-ci.com';
const JANE = mockCredentials.user.header('user:default/jane');

describe('travisCiPlugin', () => {
  const simulator = createTravisSimulator({ speed: 0 });
  const server = setupServer(
    ...simulator.handlers(API),
    http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()),
  );
  registerMswTestHooks(server);

  afterEach(() => simulator.reset());

  it('lists builds', async () => {
    const { server: app } = await startTravisTestBackend({
      travisci: { token: SIMULATOR_TOKENS.admin },
    });
    const res = await request(app)
      .get('/api/travis-ci/entities/component/default/payments-api/builds?limit=2')
      .set('Authorization', JANE);
    console.log(res.status, JSON.stringify(res.body, null, 1).slice(0, 3000));
  });
});
