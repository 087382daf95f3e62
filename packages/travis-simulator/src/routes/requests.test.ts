import { SIMULATOR_TOKENS } from '../model/fixtures';
import { useSimulatorApi } from '../testing/apiClient';

const api = useSimulatorApi();
const REQUESTS = '/repo/acme%2Fnew-service/requests';

function trigger(body: unknown = { request: { branch: 'main' } }, token: string | null = SIMULATOR_TOKENS.teamB) {
  return api.json(REQUESTS, { method: 'POST', body, token });
}

describe('POST /repo/{slug}/requests', () => {
  it('accepts the request and echoes it', async () => {
    const { status, body } = await trigger({
      request: {
        branch: 'main',
        message: 'Nightly via API',
        merge_mode: 'deep_merge_append',
        config: { env: { jobs: ['SUITE=full'] } },
      },
    });
    const repository = (await api.json('/repo/acme%2Fnew-service')).body;

    expect(status).toBe(202);
    expect(body).toEqual({
      '@type': 'pending',
      remaining_requests: 10,
      repository: {
        '@type': 'repository',
        '@href': `/repo/${repository.id}`,
        '@representation': 'minimal',
        id: repository.id,
        name: 'new-service',
        slug: 'acme/new-service',
      },
      request: {
        repository: { id: repository.github_id, vcs_type: 'GithubRepository', owner_name: 'acme', name: 'new-service' },
        user: { id: expect.any(Number) },
        id: expect.any(Number),
        message: 'Nightly via API',
        branch: 'main',
        merge_mode: 'deep_merge_append',
        config: '{"env":{"jobs":["SUITE=full"]}}',
        configs: [{ config: '{"env":{"jobs":["SUITE=full"]}}', mode: 'deep_merge_append' }],
      },
      resource_type: 'request',
    });
  });

  it('shows the request pending, then approved with its build', async () => {
    const { body } = await trigger({ request: { branch: 'main', config: { env: { jobs: ['A=1', 'B=2'] } } } });
    const path = `/repo/acme%2Fnew-service/request/${body.request.id}`;

    const pending = await api.json(path);
    expect(pending.body).toEqual(
      expect.objectContaining({ '@type': 'request', state: 'pending', result: null, builds: [] }),
    );
    expect((await api.json('/repo/acme%2Fnew-service/builds')).body.builds).toEqual([]);

    api.simulator.clock.advance(5000);
    const finished = await api.json(path);
    expect(finished.body.state).toBe('finished');
    expect(finished.body.result).toBe('approved');
    expect(finished.body.event_type).toBe('api');
    expect(finished.body.builds).toHaveLength(1);

    const builds = await api.json('/repo/acme%2Fnew-service/builds?include=build.jobs,job.config');
    const [build] = builds.body.builds;
    expect(build.id).toBe(finished.body.builds[0].id);
    expect(build.number).toBe('1');
    expect(build.event_type).toBe('api');
    expect(build.created_by.login).toBe('team-b-ci');
    expect(build.jobs.map((job: any) => job.config.env)).toEqual(['A=1', 'B=2']);
  });

  it('rejects a request for a branch that does not exist', async () => {
    const { body } = await trigger({ request: { branch: 'no-such-branch' } });
    api.simulator.clock.advance(5000);
    const request = await api.json(`/repo/acme%2Fnew-service/request/${body.request.id}`);

    expect(request.body.state).toBe('finished');
    expect(request.body.result).toBe('rejected');
    expect(request.body.message).toContain('no-such-branch');
    expect(request.body.builds).toEqual([]);
  });

  it('uses the default branch when the body is not declared as JSON', async () => {
    const { status, body } = await api.json(REQUESTS, {
      method: 'POST',
      token: SIMULATOR_TOKENS.teamB,
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ request: { branch: 'develop' } }),
    });

    expect(status).toBe(202);
    expect(body.request.branch).toBe('main');
  });

  it('accepts top-level and dotted parameters', async () => {
    const topLevel = await trigger({ branch: 'develop' });
    const dotted = await trigger({ 'request.branch': 'develop' });

    expect(topLevel.body.request.branch).toBe('develop');
    expect(dotted.body.request.branch).toBe('develop');
  });

  it('forces a failing build with a message marker', async () => {
    await trigger({ request: { branch: 'main', message: 'Check alerts [sim:failed]' } });
    api.simulator.clock.advance(30 * 60_000);
    const { body } = await api.json('/repo/acme%2Fnew-service/builds');

    expect(body.builds[0].state).toBe('failed');
    expect(body.builds[0].commit.message).toBe('Check alerts [sim:failed]');
  });

  it('counts down remaining requests and answers 429 at the hourly limit', async () => {
    const remaining: number[] = [];
    for (let call = 0; call < 10; call++) {
      remaining.push((await trigger()).body.remaining_requests);
    }
    const limited = await trigger();

    expect(remaining).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      '@type': 'error',
      error_type: 'request_limit_reached',
      error_message: 'request limit reached for resource',
      max_requests: 10,
      per_seconds: 3600,
      repository: expect.objectContaining({ '@type': 'repository', slug: 'acme/new-service' }),
    });

    api.simulator.clock.advance(3600 * 1000);
    expect((await trigger()).body.remaining_requests).toBe(10);
  });

  it('requires a login before anything else', async () => {
    const { status, body } = await api.json('/repo/acme%2Fno-such-repo/requests', {
      method: 'POST',
      token: null,
      body: {},
    });

    expect(status).toBe(403);
    expect(body.error_type).toBe('login_required');
  });

  it('requires create_request access', async () => {
    const { status, body } = await trigger(undefined, SIMULATOR_TOKENS.teamA);

    expect(status).toBe(403);
    expect(body).toEqual(
      expect.objectContaining({
        error_type: 'insufficient_access',
        error_message: 'operation requires create_request access to repository',
        permission: 'create_request',
        repository: expect.objectContaining({ slug: 'acme/new-service' }),
      }),
    );
  });

  it('rejects malformed JSON with wrong_params', async () => {
    const { status, body } = await trigger('{"request": ');

    expect(status).toBe(400);
    expect(body.error_type).toBe('wrong_params');
  });
});

describe('GET /repo/{slug}/requests', () => {
  it('lists requests newest first with pagination', async () => {
    const { body } = await api.json('/repo/acme%2Fpayments-api/requests?limit=3');

    expect(body['@type']).toBe('requests');
    expect(body.requests).toHaveLength(3);
    expect(body.requests[0].id).toBeGreaterThan(body.requests[1].id);
    expect(body.requests[0]).toEqual(
      expect.objectContaining({
        '@type': 'request',
        '@representation': 'standard',
        state: 'finished',
        result: 'approved',
        branch_name: expect.any(String),
        builds: [expect.objectContaining({ '@type': 'build', '@representation': 'minimal' })],
        raw_configs: [expect.objectContaining({ source: '.travis.yml' })],
      }),
    );
    expect(body['@pagination'].count).toBeGreaterThan(250);
  });

  it('filters by result and branch', async () => {
    await trigger({ request: { branch: 'gone' } });
    api.simulator.clock.advance(5000);

    const rejected = await api.json('/repo/acme%2Fnew-service/requests?result=rejected');
    const onBranch = await api.json('/repo/acme%2Fnew-service/requests?branch=main');

    expect(rejected.body.requests.map((request: any) => request.branch_name)).toEqual(['gone']);
    expect(onBranch.body.requests).toEqual([]);
  });

  it('answers an unknown request id with not_found', async () => {
    const { status, body } = await api.json('/repo/acme%2Fpayments-api/request/1');

    expect(status).toBe(404);
    expect(body.error_message).toBe('request not found (or insufficient access)');
  });
});
