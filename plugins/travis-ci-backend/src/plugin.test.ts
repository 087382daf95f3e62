import { mockCredentials } from '@backstage/backend-test-utils';
import { TravisBuildDetails } from '@travis-ci-backstage/plugin-travis-ci-common';
import request from 'supertest';
import { SIMULATOR_TOKENS } from '@travis-ci-backstage/travis-simulator';
import { startTravisTestBackend } from './__testUtils__/startTravisTestBackend';
import {
  ENTERPRISE_WEB_URL,
  TEST_TRAVIS_CONFIG,
  useTravisSimulator,
} from './__testUtils__/simulator';

const JANE = mockCredentials.user.header('user:default/jane');
const ENTITY = '/api/travis-ci/entities/component/default';

describe('travisCiPlugin read routes', () => {
  useTravisSimulator();

  async function start() {
    const backend = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });
    return backend.server;
  }

  async function newestBuild(
    app: Awaited<ReturnType<typeof start>>,
    entity: string,
  ): Promise<TravisBuildDetails> {
    const list = await request(app)
      .get(`${ENTITY}/${entity}/builds?limit=1`)
      .set('Authorization', JANE);
    const detail = await request(app)
      .get(`${ENTITY}/${entity}/builds/${list.body.builds[0].id}`)
      .set('Authorization', JANE);
    return detail.body;
  }

  it('lists builds newest first with paging', async () => {
    const app = await start();

    const first = await request(app)
      .get(`${ENTITY}/payments-api/builds?limit=3`)
      .set('Authorization', JANE);
    const second = await request(app)
      .get(`${ENTITY}/payments-api/builds?limit=3&offset=3`)
      .set('Authorization', JANE);

    expect(first.status).toBe(200);
    expect(first.body.limit).toBe(3);
    expect(first.body.offset).toBe(0);
    expect(first.body.totalCount).toBeGreaterThan(250);
    expect(first.body.builds).toHaveLength(3);
    const numbers = [...first.body.builds, ...second.body.builds].map(
      (build: { number: string }) => Number(build.number),
    );
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(new Set(numbers).size).toBe(6);

    const build = first.body.builds[0];
    expect(build.webUrl).toBe(
      `https://app.travis-ci.com/acme/payments-api/builds/${build.id}`,
    );
    expect(build.commit.shortSha).toBe(build.commit.sha.slice(0, 7));
    expect(build.commit.authorName).toEqual(expect.any(String));
  });

  it('lists builds with the default page size', async () => {
    const app = await start();

    const res = await request(app)
      .get(`${ENTITY}/payments-api/builds`)
      .set('Authorization', JANE);

    expect(res.status).toBe(200);
    expect(res.body.limit).toBe(25);
    expect(res.body.builds).toHaveLength(25);
  });

  it('filters builds by branch, state and event type', async () => {
    const app = await start();

    const res = await request(app)
      .get(
        `${ENTITY}/payments-api/builds?branch=main&state=passed&eventType=push&limit=50`,
      )
      .set('Authorization', JANE);

    expect(res.status).toBe(200);
    expect(res.body.builds.length).toBeGreaterThan(0);
    for (const build of res.body.builds) {
      expect(build.branch).toBe('main');
      expect(build.state).toBe('passed');
      expect(build.eventType).toBe('push');
    }
  });

  it('returns an empty list for a repository never built', async () => {
    const app = await start();

    const res = await request(app)
      .get(`${ENTITY}/new-service/builds`)
      .set('Authorization', JANE);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      builds: [],
      totalCount: 0,
      limit: 25,
      offset: 0,
    });
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['offset=-1', 'offset'],
    ['state=broken', 'state'],
    ['eventType=webhook', 'eventType'],
    ['color=red', 'color'],
  ])('rejects the build query %s', async (query, parameter) => {
    const app = await start();

    const res = await request(app)
      .get(`${ENTITY}/payments-api/builds?${query}`)
      .set('Authorization', JANE);

    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain(parameter);
  });

  it('returns a matrix build with its jobs', async () => {
    const app = await start();

    const build = await newestBuild(app, 'web-frontend');

    expect(build.state).toBe('failed');
    expect(build.stages).toEqual([]);
    expect(build.jobs).toHaveLength(4);
    expect(build.jobs.map(job => job.os)).toEqual([
      'linux',
      'linux',
      'linux',
      'osx',
    ]);
    // The macOS job's config picks an osx_image rather than a dist.
    expect(build.jobs.map(job => job.dist)).toEqual([
      'focal',
      'focal',
      'focal',
      undefined,
    ]);
    expect(build.jobs.map(job => job.language)).toEqual([
      'node_js',
      'node_js',
      'node_js',
      'node_js',
    ]);
    expect(build.jobs.map(job => job.env)).toEqual([
      'BROWSER=chrome',
      'BROWSER=firefox',
      'BROWSER=chrome',
      'BROWSER=safari',
    ]);
    expect(build.jobs.filter(job => job.allowFailure)).toHaveLength(2);
    expect(build.jobs[0].webUrl).toBe(
      `https://app.travis-ci.com/acme/web-frontend/jobs/${build.jobs[0].id}`,
    );
    expect(build.jobs[0].number).toBe(`${build.number}.1`);
  });

  it('dates a build by the creation of its first job', async () => {
    const app = await start();
    const build = await newestBuild(app, 'web-frontend');

    const travisJobs = await fetch(
      `https://api.travis-ci.com/build/${build.id}/jobs`,
      {
        headers: {
          'Travis-API-Version': '3',
          Authorization: `token ${SIMULATOR_TOKENS.admin}`,
        },
      },
    ).then(response => response.json());
    const jobCreationTimes = travisJobs.jobs
      .map((job: { created_at: string }) => Date.parse(job.created_at))
      .sort((a: number, b: number) => a - b);

    expect(build.createdAt).toBeDefined();
    expect(Date.parse(build.createdAt!)).toBe(jobCreationTimes[0]);
    expect(Date.parse(build.createdAt!)).toBeLessThanOrEqual(
      Date.parse(build.startedAt!),
    );
  });

  it('returns a build with its stages in order', async () => {
    const app = await start();

    const build = await newestBuild(app, 'checkout-service');

    expect(build.state).toBe('started');
    expect(build.stages.map(stage => stage.name)).toEqual(['test', 'deploy']);
    const stageIds = build.stages.map(stage => stage.id);
    for (const job of build.jobs) {
      expect(stageIds).toContain(job.stageId);
    }
  });

  it('rejects a build id that is not a number', async () => {
    const app = await start();

    const res = await request(app)
      .get(`${ENTITY}/payments-api/builds/abc`)
      .set('Authorization', JANE);

    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('buildId');
  });

  it('returns 404 for an unknown build id', async () => {
    const app = await start();

    const res = await request(app)
      .get(`${ENTITY}/payments-api/builds/999999999`)
      .set('Authorization', JANE);

    expect(res.status).toBe(404);
    expect(res.body.error.name).toBe('NotFoundError');
    expect(res.body.error.message).toContain('build 999999999');
  });

  it('lists the existing branches', async () => {
    const app = await start();

    const res = await request(app)
      .get(`${ENTITY}/payments-api/branches`)
      .set('Authorization', JANE);

    expect(res.status).toBe(200);
    const names = res.body.branches.map((b: { name: string }) => b.name);
    expect(names).toContain('main');
    expect(names).not.toContain('feature/merged-cleanup');
    const main = res.body.branches.find(
      (b: { name: string }) => b.name === 'main',
    );
    expect(main.defaultBranch).toBe(true);
    expect(main.lastBuild).toEqual({
      id: expect.any(Number),
      number: expect.any(String),
      state: expect.any(String),
    });
  });

  it('returns a finished job log from a byte offset', async () => {
    const app = await start();
    const build = await newestBuild(app, 'payments-api');
    const jobId = build.jobs[0].id;

    const full = await request(app)
      .get(`${ENTITY}/payments-api/jobs/${jobId}/log`)
      .set('Authorization', JANE);

    expect(full.status).toBe(200);
    expect(full.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(full.headers['x-travis-log-available']).toBe('true');
    expect(full.headers['x-travis-log-complete']).toBe('true');
    const bytes = Buffer.from(full.text, 'utf8');
    expect(bytes.length).toBeGreaterThan(100);
    expect(full.headers['x-travis-log-next-offset']).toBe(String(bytes.length));
    // A frontend on another origin can read the log headers only when the
    // response exposes them.
    expect(full.headers['access-control-expose-headers']).toBe(
      'x-travis-log-next-offset, x-travis-log-complete, x-travis-log-available',
    );

    const tail = await request(app)
      .get(`${ENTITY}/payments-api/jobs/${jobId}/log?offset=100`)
      .set('Authorization', JANE);

    expect(tail.status).toBe(200);
    expect(Buffer.from(tail.text, 'utf8')).toEqual(bytes.subarray(100));
    expect(tail.headers['x-travis-log-next-offset']).toBe(String(bytes.length));

    const end = await request(app)
      .get(`${ENTITY}/payments-api/jobs/${jobId}/log?offset=${bytes.length}`)
      .set('Authorization', JANE);

    expect(end.status).toBe(200);
    expect(end.text).toBe('');
  });

  it('returns an empty log for a job that has not written anything', async () => {
    const app = await start();
    const build = await newestBuild(app, 'checkout-service');
    const waiting = build.jobs.find(job =>
      ['created', 'queued', 'received'].includes(job.state),
    );
    expect(waiting).toBeDefined();

    const res = await request(app)
      .get(`${ENTITY}/checkout-service/jobs/${waiting!.id}/log`)
      .set('Authorization', JANE);

    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(res.headers['x-travis-log-available']).toBe('false');
    expect(res.headers['x-travis-log-complete']).toBe('false');
    expect(res.headers['x-travis-log-next-offset']).toBe('0');
  });

  it('returns a running job log as incomplete', async () => {
    const app = await start();
    const build = await newestBuild(app, 'checkout-service');
    const running = build.jobs.find(job => job.state === 'started');
    expect(running).toBeDefined();

    const res = await request(app)
      .get(`${ENTITY}/checkout-service/jobs/${running!.id}/log`)
      .set('Authorization', JANE);

    expect(res.status).toBe(200);
    expect(res.headers['x-travis-log-available']).toBe('true');
    expect(res.headers['x-travis-log-complete']).toBe('false');
  });

  it('serves an Enterprise instance under its /api path', async () => {
    const app = await start();

    const list = await request(app)
      .get(`${ENTITY}/legacy-billing/builds?limit=2`)
      .set('Authorization', JANE);
    expect(list.status).toBe(200);
    expect(list.body.builds).toHaveLength(2);
    const buildId = list.body.builds[0].id;
    expect(list.body.builds[0].webUrl).toBe(
      `${ENTERPRISE_WEB_URL}/acme/legacy-billing/builds/${buildId}`,
    );

    const detail = await request(app)
      .get(`${ENTITY}/legacy-billing/builds/${buildId}`)
      .set('Authorization', JANE);
    expect(detail.status).toBe(200);
    expect(detail.body.stages.map((s: { name: string }) => s.name)).toEqual([
      'test',
      'integration',
    ]);
    const jobId = detail.body.jobs[0].id;
    expect(detail.body.jobs[0].webUrl).toBe(
      `${ENTERPRISE_WEB_URL}/acme/legacy-billing/jobs/${jobId}`,
    );

    const log = await request(app)
      .get(`${ENTITY}/legacy-billing/jobs/${jobId}/log`)
      .set('Authorization', JANE);
    expect(log.status).toBe(200);
    expect(log.headers['x-travis-log-available']).toBe('true');
    expect(log.text.length).toBeGreaterThan(0);

    const branches = await request(app)
      .get(`${ENTITY}/legacy-billing/branches`)
      .set('Authorization', JANE);
    expect(branches.status).toBe(200);
    expect(
      branches.body.branches.map((b: { name: string }) => b.name),
    ).toContain('feature/partial-refunds');

    const restart = await request(app)
      .post(`${ENTITY}/legacy-billing/builds/${buildId}/restart`)
      .set('Authorization', JANE);
    expect(restart.status).toBe(202);
  });

  it('serves the OpenAPI document', async () => {
    const app = await start();

    const res = await request(app)
      .get('/api/travis-ci/openapi.json')
      .set('Authorization', JANE);

    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toContain(
      '/api/travis-ci/entities/{kind}/{namespace}/{name}/jobs/{jobId}/log',
    );
  });
});
