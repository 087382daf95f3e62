import { SIMULATOR_TOKENS } from '../model/fixtures';
import { TestApi, useSimulatorApi } from '../testing/apiClient';

const api = useSimulatorApi();
const MINUTE = 60_000;

async function latestBuild(testApi: TestApi, slug: string, query = '') {
  const { body } = await testApi.json(
    `/repo/${encodeURIComponent(slug)}/builds?limit=1&include=build.jobs,job.config${query}`,
  );
  return body.builds[0];
}

describe('GET /build/{id}', () => {
  it('renders the build with jobs included', async () => {
    const { id } = await latestBuild(api, 'acme/web-frontend');
    const { status, body } = await api.json(`/build/${id}?include=build.jobs,job.config`);

    expect(status).toBe(200);
    expect(body['@href']).toBe(`/build/${id}`);
    expect(body.state).toBe('failed');
    expect(body.jobs).toHaveLength(4);
    expect(body.jobs[0]).toEqual(
      expect.objectContaining({
        '@type': 'job',
        '@representation': 'standard',
        number: `${body.number}.1`,
        build: { '@href': `/build/${id}` },
        queue: 'builds.gce',
        owner: expect.objectContaining({ '@type': 'organization', login: 'acme', vcs_type: 'GithubOrganization' }),
      }),
    );
    expect(body.jobs.map((job: any) => job.allow_failure)).toEqual([false, false, true, true]);
    expect(body.jobs[3].config).toEqual(
      expect.objectContaining({ os: 'osx', language: 'node_js', env: 'BROWSER=safari' }),
    );
  });

  it('answers an unknown build with not_found', async () => {
    const { status, body } = await api.json('/build/1');

    expect(status).toBe(404);
    expect(body.error_message).toBe('build not found (or insufficient access)');
    expect(body.resource_type).toBe('build');
  });

  it('fails the web-frontend build because of a required job', async () => {
    const build = await latestBuild(api, 'acme/web-frontend');
    const required = build.jobs.filter((job: any) => !job.allow_failure);

    expect(build.branch.name).toBe('main');
    expect(required.some((job: any) => job.state === 'failed')).toBe(true);
  });
});

describe('GET /build/{id}/jobs and /stages', () => {
  it('lists the standard jobs without pagination', async () => {
    const { id } = await latestBuild(api, 'acme/checkout-service');
    const { body } = await api.json(`/build/${id}/jobs`);

    expect(body['@type']).toBe('jobs');
    expect(body['@href']).toBe(`/build/${id}/jobs`);
    expect(body['@pagination']).toBeUndefined();
    expect(body.jobs.map((job: any) => job.stage.name)).toEqual(['test', 'test', 'deploy']);
  });

  it('lists the stages with their jobs', async () => {
    const { id } = await latestBuild(api, 'acme/checkout-service');
    const { body } = await api.json(`/build/${id}/stages`);

    expect(body['@type']).toBe('stages');
    expect(body.stages.map((stage: any) => [stage.number, stage.name])).toEqual([
      [1, 'test'],
      [2, 'deploy'],
    ]);
    expect(body.stages[0]['@href']).toBeUndefined();
    expect(body.stages[0].state).toBe('started');
    expect(body.stages[1].state).toBe('created');
    expect(body.stages[1].jobs).toHaveLength(1);
  });
});

describe('running build lifecycle', () => {
  it('runs the checkout-service build to the end as time passes', async () => {
    const running = await latestBuild(api, 'acme/checkout-service');
    expect(running.state).toBe('started');
    expect(running.finished_at).toBeNull();
    expect(running.jobs.map((job: any) => job.state)).toEqual(['passed', 'started', 'created']);

    api.simulator.clock.advance(20 * MINUTE);
    const finished = await latestBuild(api, 'acme/checkout-service');

    expect(finished.id).toBe(running.id);
    expect(finished.state).toBe('passed');
    expect(finished.jobs.map((job: any) => job.state)).toEqual(['passed', 'passed', 'passed']);
    expect(Date.parse(finished.jobs[2].started_at)).toBeGreaterThanOrEqual(
      Date.parse(finished.jobs[1].finished_at),
    );
    expect(finished.duration).toBeGreaterThan(900);
  });
});

describe('POST /build/{id}/restart', () => {
  it('restarts a finished build under the same id', async () => {
    const before = await latestBuild(api, 'acme/web-frontend');
    const { status, body } = await api.json(`/build/${before.id}/restart`, { method: 'POST' });

    expect(status).toBe(202);
    expect(body).toEqual({
      '@type': 'pending',
      build: expect.objectContaining({
        '@type': 'build',
        '@href': `/build/${before.id}`,
        '@representation': 'minimal',
        id: before.id,
        number: before.number,
        state: 'failed',
      }),
      state_change: 'restart',
      resource_type: 'build',
    });

    const after = await api.json(`/build/${before.id}?include=build.jobs`);
    expect(after.body.state).toBe('created');
    expect(after.body.started_at).toBeNull();
    expect(after.body.duration).toBeNull();
    expect(after.body.jobs.every((job: any) => job.state === 'created')).toBe(true);

    const log = await api.json(`/job/${before.jobs[0].id}/log`);
    expect(log.status).toBe(404);
    expect(log.body.error_message).toBe('log not found');

    api.simulator.clock.advance(20 * MINUTE);
    const rerun = await api.json(`/build/${before.id}`);
    expect(['passed', 'failed', 'errored']).toContain(rerun.body.state);
    expect(rerun.body.number).toBe(before.number);
  });

  it('moves the restarted build through received and started', async () => {
    const { id } = await latestBuild(api, 'acme/payments-api');
    await api.json(`/build/${id}/restart`, { method: 'POST' });
    const states: string[] = [];

    for (let second = 0; second < 900; second += 2) {
      api.simulator.clock.advance(2000);
      const { state } = (await api.json(`/build/${id}`)).body;
      if (states[states.length - 1] !== state) {
        states.push(state);
      }
    }

    expect(states.filter(state => state !== 'created').slice(0, 2)).toEqual(['received', 'started']);
    expect(states).toHaveLength(states[0] === 'created' ? 4 : 3);
    expect(['passed', 'failed', 'errored']).toContain(states[states.length - 1]);
  });

  it('moves a restarted job through queued to a result', async () => {
    const { id } = await latestBuild(api, 'acme/payments-api');
    const jobs = (await api.json(`/build/${id}/jobs`)).body.jobs;
    await api.json(`/job/${jobs[0].id}/restart`, { method: 'POST' });
    const states: string[] = [];

    for (let second = 0; second < 900; second += 1) {
      api.simulator.clock.advance(1000);
      const { state } = (await api.json(`/job/${jobs[0].id}`)).body;
      if (states[states.length - 1] !== state) {
        states.push(state);
      }
    }

    const waiting = states.slice(0, states.indexOf('started'));
    expect(waiting).toContain('queued');
    expect(waiting).toContain('received');
    expect(waiting.indexOf('queued')).toBeLessThan(waiting.indexOf('received'));
    expect(['passed', 'failed', 'errored']).toContain(states[states.length - 1]);
  });

  it('answers 409 for a running build', async () => {
    const { id } = await latestBuild(api, 'acme/checkout-service');
    const { status, body } = await api.json(`/build/${id}/restart`, { method: 'POST' });

    expect(status).toBe(409);
    expect(body).toEqual({
      '@type': 'error',
      error_type: 'build_already_running',
      error_message: 'build already running, cannot restart',
    });
  });

  it('requires a login', async () => {
    const { id } = await latestBuild(api, 'acme/payments-api');
    const { status, body } = await api.json(`/build/${id}/restart`, { method: 'POST', token: null });

    expect(status).toBe(403);
    expect(body.error_type).toBe('login_required');
  });

  it('requires restart access', async () => {
    const { id } = await latestBuild(api, 'acme/payments-api');
    const { status, body } = await api.json(`/build/${id}/restart`, {
      method: 'POST',
      token: SIMULATOR_TOKENS.teamB,
    });

    expect(status).toBe(403);
    expect(body).toEqual(
      expect.objectContaining({
        error_type: 'insufficient_access',
        error_message: 'operation requires restart access to build',
        resource_type: 'build',
        permission: 'restart',
        build: expect.objectContaining({ id, '@representation': 'minimal' }),
      }),
    );
  });
});

describe('POST /build/{id}/cancel', () => {
  it('cancels a running build', async () => {
    const { id } = await latestBuild(api, 'acme/checkout-service');
    const { status, body } = await api.json(`/build/${id}/cancel`, { method: 'POST' });

    expect(status).toBe(202);
    expect(body.state_change).toBe('cancel');
    expect(body.build.state).toBe('started');

    const after = await api.json(`/build/${id}?include=build.jobs`);
    expect(after.body.state).toBe('canceled');
    expect(after.body.jobs.map((job: any) => job.state)).toEqual(['passed', 'canceled', 'canceled']);
    expect(after.body.jobs[2].started_at).toBeNull();
  });

  it('answers 409 for a finished build', async () => {
    const { id } = await latestBuild(api, 'acme/payments-api');
    const { status, body } = await api.json(`/build/${id}/cancel`, { method: 'POST' });

    expect(status).toBe(409);
    expect(body.error_type).toBe('build_not_cancelable');
    expect(body.error_message).toBe('build is not running, cannot cancel');
  });
});

describe('job actions', () => {
  it('restarts one job and records who restarted it', async () => {
    const build = await latestBuild(api, 'acme/web-frontend');
    const failing = build.jobs.find((job: any) => job.state === 'failed' && !job.allow_failure);
    const { status, body } = await api.json(`/job/${failing.id}/restart`, {
      method: 'POST',
      token: SIMULATOR_TOKENS.teamA,
    });

    expect(status).toBe(202);
    expect(body).toEqual({
      '@type': 'pending',
      job: { '@type': 'job', '@href': `/job/${failing.id}`, '@representation': 'minimal', id: failing.id },
      state_change: 'restart',
      resource_type: 'job',
    });

    const job = await api.json(`/job/${failing.id}`);
    expect(job.body.state).toBe('created');
    expect(job.body.restarted_at).toMatch(/Z$/);
    expect(job.body.restarted_by).toEqual(expect.objectContaining({ login: 'team-a-ci' }));
    expect((await api.json(`/build/${build.id}`)).body.state).toBe('created');
  });

  it('cancels a running job and answers 409 the second time', async () => {
    const build = await latestBuild(api, 'acme/checkout-service');
    const running = build.jobs.find((job: any) => job.state === 'started');

    const first = await api.json(`/job/${running.id}/cancel`, { method: 'POST' });
    const second = await api.json(`/job/${running.id}/cancel`, { method: 'POST' });

    expect(first.status).toBe(202);
    expect((await api.json(`/job/${running.id}`)).body.state).toBe('canceled');
    expect(second.status).toBe(409);
    expect(second.body.error_type).toBe('job_not_cancelable');
  });

  it('answers 409 when restarting a running job', async () => {
    const build = await latestBuild(api, 'acme/checkout-service');
    const running = build.jobs.find((job: any) => job.state === 'started');
    const { status, body } = await api.json(`/job/${running.id}/restart`, { method: 'POST' });

    expect(status).toBe(409);
    expect(body.error_message).toBe('job already running, cannot restart');
  });
});
