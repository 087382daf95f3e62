import { mockCredentials } from '@backstage/backend-test-utils';
import { SIMULATOR_TOKENS } from '@travis-ci-backstage/travis-simulator';
import { delay, http, HttpResponse } from 'msw';
import request from 'supertest';
import {
  TravisCredentialsProvider,
  TravisCredentialsRequest,
} from './credentials/TravisCredentialsProvider';
import { credentialsUnavailableError } from './errors';
import { auditText } from './__testUtils__/auditText';
import { startTravisTestBackend } from './__testUtils__/startTravisTestBackend';
import {
  HOSTED_API_URL,
  TEST_TRAVIS_CONFIG,
  useTravisSimulator,
} from './__testUtils__/simulator';

const JANE = mockCredentials.user.header('user:default/jane');
const ENTITY = '/api/travis-ci/entities/component/default';
const BUILDS = `${ENTITY}/payments-api/builds`;

function configWithToken(token: string) {
  return {
    ...TEST_TRAVIS_CONFIG,
    instances: TEST_TRAVIS_CONFIG.instances.map(instance => ({
      ...instance,
      token,
    })),
  };
}

describe('travisCiPlugin Travis CI errors', () => {
  const { simulator, server } = useTravisSimulator();

  it('reports a rejected token as token-rejected', async () => {
    simulator.revokeToken(SIMULATOR_TOKENS.admin);
    const { server: app, logger } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });

    const res = await request(app).get(BUILDS).set('Authorization', JANE);

    expect(res.status).toBe(502);
    expect(res.body.error.code).toBe('token-rejected');
    expect(res.body.error.message).toContain('invalid or expired');
    expect(
      logger.lines.some(
        line =>
          line.level === 'warn' &&
          line.message.includes(
            'rejected the token for component:default/payments-api',
          ),
      ),
    ).toBe(true);
  });

  it('reports Rack::Attack throttling as rate-limited', async () => {
    simulator.faults.set({ throttleRate: 1 });
    const { server: app } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });

    const res = await request(app).get(BUILDS).set('Authorization', JANE);

    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('rate-limited');
    expect(res.body.error.retryAfterSeconds).toBe(60);
  });

  it('passes on the Retry-After header of a 429', async () => {
    // The simulator sends no Retry-After, like Travis' Rack::Attack, but a
    // proxy in front of Travis CI Enterprise may.
    server.use(
      http.get(
        `${HOSTED_API_URL}/repo/:slug/builds`,
        () =>
          new HttpResponse('Retry later\n', {
            status: 429,
            headers: { 'Content-Type': 'text/plain', 'Retry-After': '120' },
          }),
      ),
    );
    const { server: app } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });

    const res = await request(app).get(BUILDS).set('Authorization', JANE);

    expect(res.status).toBe(429);
    expect(res.body.error.retryAfterSeconds).toBe(120);
  });

  it('reports server errors as travis-unavailable', async () => {
    simulator.faults.set({ errorRate: 1 });
    const { server: app } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });

    const res = await request(app).get(BUILDS).set('Authorization', JANE);

    expect(res.status).toBe(502);
    expect(res.body.error.code).toBe('travis-unavailable');
    expect(res.body.error.message).toMatch(/failed with HTTP 50\d/);
  });

  it('reports a reset connection as travis-unavailable', async () => {
    simulator.faults.set({ resetRate: 1 });
    const { server: app } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });

    const res = await request(app).get(BUILDS).set('Authorization', JANE);

    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('travis-unavailable');
    expect(res.body.error.message).toContain('could not be reached');
  });

  it('reports a timeout as travis-unavailable', async () => {
    server.use(
      http.get(`${HOSTED_API_URL}/repo/:slug/builds`, async () => {
        await delay(1000);
        return HttpResponse.json({});
      }),
    );
    const { server: app } = await startTravisTestBackend({
      travisci: { ...TEST_TRAVIS_CONFIG, requestTimeoutMs: 200 },
    });

    const res = await request(app).get(BUILDS).set('Authorization', JANE);

    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('travis-unavailable');
    expect(res.body.error.message).toContain('timed out after 200 ms');
  });

  it('reports a repository Travis CI does not have', async () => {
    const { server: app } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });

    const res = await request(app)
      .get(`${ENTITY}/missing-repository/builds`)
      .set('Authorization', JANE);

    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('repository-not-found');
    expect(res.body.error.message).toContain('repository acme/does-not-exist');
  });

  it('reports a private repository the token cannot see', async () => {
    const { server: app } = await startTravisTestBackend({
      travisci: configWithToken(SIMULATOR_TOKENS.teamB),
    });

    const res = await request(app)
      .get(`${ENTITY}/web-frontend/builds`)
      .set('Authorization', JANE);

    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('repository-not-found');
  });

  it('reports a token without write access as repository-not-allowed', async () => {
    const { server: app } = await startTravisTestBackend({
      travisci: configWithToken(SIMULATOR_TOKENS.teamB),
    });
    const list = await request(app)
      .get(`${BUILDS}?limit=1&state=passed`)
      .set('Authorization', JANE);

    const restart = await request(app)
      .post(`${BUILDS}/${list.body.builds[0].id}/restart`)
      .set('Authorization', JANE);
    const trigger = await request(app)
      .post(BUILDS)
      .set('Authorization', JANE)
      .send({ branch: 'main' });

    expect(restart.status).toBe(403);
    expect(restart.body.error.code).toBe('repository-not-allowed');
    expect(restart.body.error.message).toContain('restart access');
    expect(trigger.status).toBe(403);
    expect(trigger.body.error.code).toBe('repository-not-allowed');
    expect(trigger.body.error.message).toContain('create_request access');
  });

  // The simulator seeds only active repositories, so this Travis CI
  // response comes from an override in the simulator's error format.
  it('reports an inactive repository as a conflict', async () => {
    server.use(
      http.post(`${HOSTED_API_URL}/repo/:slug/requests`, () =>
        HttpResponse.json(
          {
            '@type': 'error',
            error_type: 'repository_inactive',
            error_message: 'cannot create requests on an inactive repository',
          },
          { status: 406 },
        ),
      ),
    );
    const { server: app } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });

    const res = await request(app)
      .post(BUILDS)
      .set('Authorization', JANE)
      .send({ branch: 'main' });

    expect(res.status).toBe(409);
    expect(res.body.error.name).toBe('ConflictError');
    expect(res.body.error.message).toContain(
      'cannot create requests on an inactive repository',
    );
    expect(res.body.error.message).toContain('activate it in Travis CI first');
  });

  // The backend sends only well-formed parameters, so this Travis CI
  // response comes from an override in the simulator's error format.
  it('reports wrong_params as a bad request', async () => {
    server.use(
      http.get(`${HOSTED_API_URL}/repo/:slug/builds`, () =>
        HttpResponse.json(
          {
            '@type': 'error',
            error_type: 'wrong_params',
            error_message: 'illegal format for include parameter',
          },
          { status: 400 },
        ),
      ),
    );
    const { server: app } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });

    const res = await request(app).get(BUILDS).set('Authorization', JANE);

    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain(
      'illegal format for include parameter',
    );
  });

  it('retries once with renewed credentials after a rejection', async () => {
    simulator.revokeToken(SIMULATOR_TOKENS.teamB);
    const requests: TravisCredentialsRequest[] = [];
    let token: string = SIMULATOR_TOKENS.teamB;
    const provider: TravisCredentialsProvider = {
      async getCredentials(credentialsRequest) {
        requests.push(credentialsRequest);
        return { token };
      },
      async reportRejected() {
        token = SIMULATOR_TOKENS.admin;
      },
    };
    const { server: app } = await startTravisTestBackend({
      travisci: {
        instances: [{ name: 'default', baseUrl: HOSTED_API_URL }],
      },
      credentialsProvider: provider,
    });

    const res = await request(app).get(BUILDS).set('Authorization', JANE);

    expect(res.status).toBe(200);
    expect(requests).toHaveLength(2);
    expect(requests[0]).toEqual(
      expect.objectContaining({
        entityRef: 'component:default/payments-api',
        ownerRef: 'group:default/team-a',
        repository: { owner: 'acme', name: 'payments-api' },
        instance: {
          name: 'default',
          baseUrl: HOSTED_API_URL,
          webUrl: 'https://app.travis-ci.com',
        },
      }),
    );
  });

  it('gives up when renewed credentials are the same', async () => {
    simulator.revokeToken(SIMULATOR_TOKENS.teamB);
    const reportRejected = jest.fn(async () => {});
    const { server: app } = await startTravisTestBackend({
      travisci: { instances: [{ name: 'default', baseUrl: HOSTED_API_URL }] },
      credentialsProvider: {
        getCredentials: async () => ({ token: SIMULATOR_TOKENS.teamB }),
        reportRejected,
      },
    });

    const res = await request(app).get(BUILDS).set('Authorization', JANE);

    expect(res.status).toBe(502);
    expect(res.body.error.code).toBe('token-rejected');
    expect(reportRejected).toHaveBeenCalledTimes(1);
  });

  it('reports a provider without credentials', async () => {
    const { server: app } = await startTravisTestBackend({
      travisci: { instances: [{ name: 'default', baseUrl: HOSTED_API_URL }] },
      credentialsProvider: {
        getCredentials: async () => {
          throw credentialsUnavailableError('The secret store is down.');
        },
      },
    });

    const res = await request(app).get(BUILDS).set('Authorization', JANE);

    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('credentials-unavailable');
  });

  it('never sends the token to the browser or the logs', async () => {
    const token = SIMULATOR_TOKENS.admin;
    const {
      server: app,
      logger,
      auditor,
    } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });
    const texts: string[] = [];
    async function call(method: 'get' | 'post', path: string, body?: object) {
      const pending = request(app)
        [method](`${ENTITY}/${path}`)
        .set('Authorization', JANE);
      const res = await (body ? pending.send(body) : pending);
      texts.push(res.text, JSON.stringify(res.headers));
      return res;
    }

    const list = await call('get', 'payments-api/builds?limit=1');
    const buildId = list.body.builds[0].id;
    const detail = await call('get', `payments-api/builds/${buildId}`);
    await call('get', `payments-api/jobs/${detail.body.jobs[0].id}/log`);
    await call('get', 'payments-api/branches');
    await call('get', 'payments-api/actions');
    await call('post', 'payments-api/builds', { branch: 'main' });
    await call('post', `payments-api/builds/${buildId}/restart`);
    await call('get', 'missing-repository/builds');
    await call('get', 'web-frontend/builds/1');
    simulator.faults.set({ errorRate: 1 });
    await call('get', 'payments-api/builds');
    simulator.faults.set({ errorRate: 0, resetRate: 1 });
    await call('post', `payments-api/builds/${buildId}/cancel`);
    simulator.faults.set({ resetRate: 0 });
    simulator.revokeToken(token);
    const rejected = await call('get', 'payments-api/branches');

    expect(rejected.status).toBe(502);
    expect(texts.join('\n')).not.toContain(token);
    expect(logger.lines.length).toBeGreaterThan(0);
    expect(logger.text()).not.toContain(token);
    const audited = await auditText(auditor);
    expect(audited).toContain('could not be reached for build');
    expect(audited).not.toContain(token);
  });
});
