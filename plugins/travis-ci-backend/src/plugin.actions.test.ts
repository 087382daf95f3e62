import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startTravisTestBackend } from './__testUtils__/startTravisTestBackend';
import {
  TEST_TRAVIS_CONFIG,
  useTravisSimulator,
} from './__testUtils__/simulator';

const JANE = mockCredentials.user.header('user:default/jane');
const ENTITY = '/api/travis-ci/entities/component/default';

type TestApp = Awaited<ReturnType<typeof startTravisTestBackend>>['server'];

async function newestBuild(app: TestApp, entity: string) {
  const list = await request(app)
    .get(`${ENTITY}/${entity}/builds?limit=1`)
    .set('Authorization', JANE);
  const detail = await request(app)
    .get(`${ENTITY}/${entity}/builds/${list.body.builds[0].id}`)
    .set('Authorization', JANE);
  return detail.body;
}

describe('travisCiPlugin actions', () => {
  const { simulator } = useTravisSimulator();

  it('triggers a build and records the user in the message', async () => {
    const { server: app, auditor } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });

    const res = await request(app)
      .post(`${ENTITY}/payments-api/builds`)
      .set('Authorization', JANE)
      .send({ branch: 'main', message: 'Nightly run' });

    expect(res.status).toBe(202);
    expect(res.body).toEqual({
      requestId: expect.any(Number),
      branch: 'main',
      message: 'Triggered from Backstage by user:default/jane: Nightly run',
      remainingRequests: expect.any(Number),
    });

    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'build-trigger',
        severityLevel: 'medium',
      }),
    );
    const event = await auditor.createEvent.mock.results[0].value;
    expect(event.success).toHaveBeenCalledWith({
      meta: expect.objectContaining({
        actor: 'user:default/jane',
        entityRef: 'component:default/payments-api',
        repository: 'acme/payments-api',
        instance: 'default',
        branch: 'main',
        requestId: res.body.requestId,
        outcome: 'accepted',
      }),
    });
    expect(res.body.requestId).toBeGreaterThan(0);
    expect(event.fail).not.toHaveBeenCalled();
  });

  it('triggers a build without a message', async () => {
    const { server: app } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });

    const res = await request(app)
      .post(`${ENTITY}/payments-api/builds`)
      .set('Authorization', JANE)
      .send({ branch: 'main' });

    expect(res.status).toBe(202);
    expect(res.body.message).toBe(
      'Triggered from Backstage by user:default/jane',
    );
  });

  it('triggers a build with config and merge mode', async () => {
    const { server: app } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });

    const res = await request(app)
      .post(`${ENTITY}/payments-api/builds`)
      .set('Authorization', JANE)
      .send({
        branch: 'main',
        config: { env: { jobs: ['SUITE=full'] } },
        mergeMode: 'deep_merge_append',
      });

    expect(res.status).toBe(202);
    expect(res.body.requestId).toEqual(expect.any(Number));
  });

  it('rejects a trigger for a branch that does not exist', async () => {
    const { server: app, auditor } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });

    const res = await request(app)
      .post(`${ENTITY}/payments-api/builds`)
      .set('Authorization', JANE)
      .send({ branch: 'no-such-branch' });

    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(
      'Branch "no-such-branch" does not exist',
    );
    const event = await auditor.createEvent.mock.results[0].value;
    expect(event.fail).toHaveBeenCalled();
    expect(event.success).not.toHaveBeenCalled();
  });

  it('rejects a trigger for a branch deleted from the code host', async () => {
    const { server: app } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });

    const res = await request(app)
      .post(`${ENTITY}/payments-api/builds`)
      .set('Authorization', JANE)
      .send({ branch: 'feature/merged-cleanup' });

    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('feature/merged-cleanup');
  });

  it.each([
    [{ branch: 'main', config: { script: 'true' } }, 'mergeMode'],
    [{ branch: 'main', mergeMode: 'merge' }, 'config'],
    [{ branch: 'main', mergeMode: 'squash', config: {} }, 'mergeMode'],
    [{ branch: '' }, 'branch'],
    [{ message: 'no branch' }, 'branch'],
    [{ branch: 'main', config: 'script: true', mergeMode: 'merge' }, 'config'],
    [
      { branch: 'main', repository: 'acme/web-frontend' },
      'additional properties',
    ],
  ])('rejects the trigger body %j', async (body, field) => {
    const { server: app } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });

    const res = await request(app)
      .post(`${ENTITY}/payments-api/builds`)
      .set('Authorization', JANE)
      .send(body);

    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain(field);
  });

  it('reports the hourly trigger limit as rate-limited', async () => {
    const { server: app } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });

    let res = await request(app)
      .post(`${ENTITY}/payments-api/builds`)
      .set('Authorization', JANE)
      .send({ branch: 'main' });
    for (let i = 0; i < 20 && res.status === 202; i++) {
      res = await request(app)
        .post(`${ENTITY}/payments-api/builds`)
        .set('Authorization', JANE)
        .send({ branch: 'main' });
    }

    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('rate-limited');
    expect(res.body.error.retryAfterSeconds).toBe(60);
    expect(res.body.error.message).toContain('API-triggered builds');
  });

  it('cancels a running build and restarts a finished one', async () => {
    const { server: app, auditor } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });
    const running = await newestBuild(app, 'checkout-service');
    const finished = await newestBuild(app, 'payments-api');

    const cancel = await request(app)
      .post(`${ENTITY}/checkout-service/builds/${running.id}/cancel`)
      .set('Authorization', JANE);
    const restart = await request(app)
      .post(`${ENTITY}/payments-api/builds/${finished.id}/restart`)
      .set('Authorization', JANE);

    expect(cancel.status).toBe(202);
    expect(cancel.body).toEqual({
      resourceType: 'build',
      id: running.id,
      stateChange: 'cancel',
    });
    expect(restart.status).toBe(202);
    expect(restart.body).toEqual({
      resourceType: 'build',
      id: finished.id,
      stateChange: 'restart',
    });

    simulator.clock.advance(60_000);
    const afterCancel = await newestBuild(app, 'checkout-service');
    expect(afterCancel.state).toBe('canceled');

    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'build-cancel',
        meta: expect.objectContaining({ buildId: running.id }),
      }),
    );
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({ eventId: 'build-restart' }),
    );
  });

  it('restarts and cancels a job', async () => {
    const { server: app, auditor } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });
    const running = await newestBuild(app, 'checkout-service');
    const finished = await newestBuild(app, 'payments-api');
    const runningJob = running.jobs.find(
      (job: { state: string }) => job.state === 'started',
    );

    const cancel = await request(app)
      .post(`${ENTITY}/checkout-service/jobs/${runningJob.id}/cancel`)
      .set('Authorization', JANE);
    const restart = await request(app)
      .post(`${ENTITY}/payments-api/jobs/${finished.jobs[0].id}/restart`)
      .set('Authorization', JANE);

    expect(cancel.status).toBe(202);
    expect(cancel.body).toEqual({
      resourceType: 'job',
      id: runningJob.id,
      stateChange: 'cancel',
    });
    expect(restart.status).toBe(202);
    expect(restart.body).toEqual({
      resourceType: 'job',
      id: finished.jobs[0].id,
      stateChange: 'restart',
    });
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'job-restart',
        meta: expect.objectContaining({ jobId: finished.jobs[0].id }),
      }),
    );
  });

  it('answers 409 when the state does not allow the change', async () => {
    const { server: app } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });
    const running = await newestBuild(app, 'checkout-service');
    const finished = await newestBuild(app, 'payments-api');

    const restartRunning = await request(app)
      .post(`${ENTITY}/checkout-service/builds/${running.id}/restart`)
      .set('Authorization', JANE);
    const cancelFinished = await request(app)
      .post(`${ENTITY}/payments-api/builds/${finished.id}/cancel`)
      .set('Authorization', JANE);
    const cancelFinishedJob = await request(app)
      .post(`${ENTITY}/payments-api/jobs/${finished.jobs[0].id}/cancel`)
      .set('Authorization', JANE);

    expect(restartRunning.status).toBe(409);
    expect(restartRunning.body.error.name).toBe('ConflictError');
    expect(restartRunning.body.error.message).toBe(
      `Build ${running.id} is still running, so it cannot be restarted; wait until it finishes or cancel it first.`,
    );
    expect(cancelFinished.status).toBe(409);
    expect(cancelFinished.body.error.message).toContain('is not running');
    expect(cancelFinishedJob.status).toBe(409);
    expect(cancelFinishedJob.body.error.message).toContain(
      `Job ${finished.jobs[0].id} is not running`,
    );
  });

  it('rejects build and job ids of another repository', async () => {
    const { server: app, auditor } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });
    const foreignBuild = await newestBuild(app, 'checkout-service');
    const foreignJob = foreignBuild.jobs.find(
      (job: { state: string }) => job.state === 'started',
    );

    const attempts = [
      request(app).get(`${ENTITY}/payments-api/builds/${foreignBuild.id}`),
      request(app).get(`${ENTITY}/payments-api/jobs/${foreignJob.id}/log`),
      request(app).post(
        `${ENTITY}/payments-api/builds/${foreignBuild.id}/cancel`,
      ),
      request(app).post(`${ENTITY}/payments-api/jobs/${foreignJob.id}/cancel`),
    ];

    for (const attempt of attempts) {
      const res = await attempt.set('Authorization', JANE);
      expect(res.status).toBe(404);
      expect(res.body.error.message).toContain(
        'does not belong to acme/payments-api',
      );
      expect(JSON.stringify(res.body)).not.toContain('checkout');
      expect(res.text).not.toContain(foreignBuild.commit.sha);
    }

    simulator.clock.advance(60_000);
    const unchanged = await newestBuild(app, 'checkout-service');
    expect(unchanged.state).toBe('started');
    expect(
      unchanged.jobs.find((job: { id: number }) => job.id === foreignJob.id)
        .state,
    ).not.toBe('canceled');

    const cancelEvents = auditor.createEvent.mock.calls.filter(
      ([options]) => options.eventId === 'build-cancel',
    );
    expect(cancelEvents).toHaveLength(1);
    const event = await auditor.createEvent.mock.results[
      auditor.createEvent.mock.calls.findIndex(
        ([options]) => options.eventId === 'build-cancel',
      )
    ].value;
    expect(event.fail).toHaveBeenCalled();
  });
});
