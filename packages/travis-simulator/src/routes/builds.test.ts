import { SIMULATOR_TOKENS } from '../model/fixtures';
import { useSimulatorApi } from '../testing/apiClient';

const api = useSimulatorApi();
const BUILDS = '/repo/acme%2Fpayments-api/builds';

describe('GET /repo/{slug}/builds', () => {
  it('renders the first page with pagination links', async () => {
    const { status, body, response } = await api.json(`${BUILDS}?limit=2`);

    expect(status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-endpoint')).toBe('Travis::API::V3::Services::Builds::Find');
    expect(body['@type']).toBe('builds');
    expect(body['@href']).toBe(`${BUILDS}?limit=2`);
    expect(body.builds).toHaveLength(2);

    const count = body['@pagination'].count;
    expect(count).toBeGreaterThan(250);
    expect(body['@pagination']).toEqual({
      limit: 2,
      offset: 0,
      count,
      is_first: true,
      is_last: false,
      next: { '@href': `${BUILDS}?limit=2&offset=2`, offset: 2, limit: 2 },
      prev: null,
      first: { '@href': `${BUILDS}?limit=2`, offset: 0, limit: 2 },
      last: {
        '@href': `${BUILDS}?limit=2&offset=${Math.floor(count / 2) * 2 - (count % 2 === 0 ? 2 : 0)}`,
        offset: Math.floor(count / 2) * 2 - (count % 2 === 0 ? 2 : 0),
        limit: 2,
      },
    });
  });

  it('sorts by number descending by default', async () => {
    const { body } = await api.json(`${BUILDS}?limit=5`);
    const numbers = body.builds.map((build: any) => Number(build.number));

    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(body.builds[0].number).toBe(String(body['@pagination'].count));
  });

  it('renders a standard build with Travis field names', async () => {
    const { body } = await api.json(`${BUILDS}?limit=1`);
    const [build] = body.builds;

    expect(Object.keys(build)).toEqual([
      '@type', '@href', '@representation', '@permissions', 'id', 'number', 'state', 'duration',
      'event_type', 'previous_state', 'pull_request_title', 'pull_request_number', 'started_at',
      'finished_at', 'private', 'priority', 'repository', 'branch', 'tag', 'commit', 'jobs',
      'stages', 'created_by', 'updated_at',
    ]);
    expect(build['@href']).toBe(`/build/${build.id}`);
    expect(build.state).toBe('passed');
    expect(typeof build.number).toBe('string');
    expect(build.started_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(build.updated_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(build.repository).toEqual({
      '@type': 'repository',
      '@href': `/repo/${build.repository.id}`,
      '@representation': 'minimal',
      id: build.repository.id,
      name: 'payments-api',
      slug: 'acme/payments-api',
    });
    expect(build.branch).toEqual({
      '@type': 'branch',
      '@href': `/repo/${build.repository.id}/branch/main`,
      '@representation': 'minimal',
      name: 'main',
    });
    expect(build.commit['@href']).toBeUndefined();
    expect(build.commit.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(build.jobs[0]).toEqual({
      '@type': 'job',
      '@href': `/job/${build.jobs[0].id}`,
      '@representation': 'minimal',
      id: build.jobs[0].id,
    });
    expect(build.created_by).toEqual(
      expect.objectContaining({ '@type': 'user', '@representation': 'minimal' }),
    );
  });

  it('computes the duration as the sum of job durations', async () => {
    const { body } = await api.json(`${BUILDS}?limit=1&include=build.jobs`);
    const [build] = body.builds;
    const jobSeconds = build.jobs.reduce(
      (sum: number, job: any) => sum + (Date.parse(job.finished_at) - Date.parse(job.started_at)) / 1000,
      0,
    );

    // Job timestamps are rendered in whole seconds, so allow one second per job.
    expect(Math.abs(build.duration - jobSeconds)).toBeLessThanOrEqual(build.jobs.length);
  });

  it('pages through every build without overlap', async () => {
    const first = await api.json(`${BUILDS}?limit=100`);
    const second = await api.json(`${BUILDS}?limit=100&offset=100`);
    const third = await api.json(`${BUILDS}?limit=100&offset=200`);
    const ids = [...first.body.builds, ...second.body.builds, ...third.body.builds].map(
      (build: any) => build.id,
    );

    expect(new Set(ids).size).toBe(first.body['@pagination'].count);
    expect(third.body['@pagination'].is_last).toBe(true);
    expect(third.body['@pagination'].next).toBeNull();
    expect(second.body['@pagination'].prev).toEqual({
      '@href': `${BUILDS}?limit=100&offset=0`,
      offset: 0,
      limit: 100,
    });
  });

  it.each([
    ['limit=500', 100],
    ['limit=0', 100],
    ['limit=-3', 25],
    ['', 25],
  ])('clamps %s to a limit of %i', async (query, expected) => {
    const { body } = await api.json(`${BUILDS}?${query}`);

    expect(body['@pagination'].limit).toBe(expected);
    expect(body.builds).toHaveLength(expected);
  });

  it('rejects a limit that is not an integer', async () => {
    const { status, body } = await api.json(`${BUILDS}?limit=abc`);

    expect(status).toBe(400);
    expect(body).toEqual({
      '@type': 'error',
      error_type: 'wrong_params',
      error_message: 'limit must be an integer',
    });
  });

  it('makes prev shrink to the offset near the start', async () => {
    const { body } = await api.json(`${BUILDS}?limit=10&offset=4`);

    expect(body['@pagination'].prev).toEqual({
      '@href': `${BUILDS}?limit=4&offset=0`,
      offset: 0,
      limit: 4,
    });
  });

  it('answers an empty list with a negative last offset', async () => {
    const { status, body } = await api.json('/repo/acme%2Fnew-service/builds');

    expect(status).toBe(200);
    expect(body.builds).toEqual([]);
    expect(body['@pagination']).toEqual(
      expect.objectContaining({ count: 0, is_first: true, is_last: true, next: null, prev: null }),
    );
    expect(body['@pagination'].last).toEqual({
      '@href': '/repo/acme%2Fnew-service/builds?limit=25&offset=-25',
      offset: -25,
      limit: 25,
    });
  });

  it('filters by branch and state with sorted link queries', async () => {
    const query = 'limit=3&branch.name=develop&build.state=passed,failed';
    const { body } = await api.json(`${BUILDS}?${query}`);

    expect(body.builds.length).toBeGreaterThan(0);
    for (const build of body.builds) {
      expect(build.branch.name).toBe('develop');
      expect(['passed', 'failed']).toContain(build.state);
    }
    expect(body['@href']).toBe(`${BUILDS}?${query}`);
    expect(body['@pagination'].next['@href']).toBe(
      `${BUILDS}?branch.name=develop&build.state=passed%2Cfailed&limit=3&offset=3`,
    );
  });

  it('filters by event type, including the bare alias', async () => {
    for (const parameter of ['build.event_type', 'event_type']) {
      const { body } = await api.json(`${BUILDS}?${parameter}=cron&limit=100`);

      expect(body.builds.length).toBeGreaterThan(0);
      expect(body.builds.every((build: any) => build.event_type === 'cron')).toBe(true);
    }
  });

  it('finds pull request, api and tag builds in the history', async () => {
    const { body: pulls } = await api.json(`${BUILDS}?build.event_type=pull_request&limit=1`);
    const [pull] = pulls.builds;
    expect(pull.pull_request_number).toEqual(expect.any(Number));
    expect(pull.pull_request_title).toEqual(expect.any(String));
    expect(pull.commit.ref).toBe(`refs/pull/${pull.pull_request_number}/merge`);

    const { body: all } = await api.json(`${BUILDS}?limit=100`);
    const tagged = all.builds.find((build: any) => build.tag !== null);
    expect(tagged.tag).toEqual({
      '@type': 'tag',
      '@representation': 'minimal',
      repository_id: tagged.repository.id,
      name: tagged.branch.name,
      last_build_id: tagged.id,
    });
    expect(tagged.commit.ref).toBe(`refs/tags/${tagged.tag.name}`);
  });

  it('filters by creator login and returns an empty list for an unknown one', async () => {
    const { body } = await api.json(`${BUILDS}?build.created_by=dev-alice&limit=100`);
    expect(body.builds.length).toBeGreaterThan(0);
    expect(body.builds.every((build: any) => build.created_by.login === 'dev-alice')).toBe(true);

    const { status, body: empty } = await api.json(`${BUILDS}?build.created_by=nobody`);
    expect(status).toBe(200);
    expect(empty.builds).toEqual([]);
  });

  it('sorts by an explicit sort_by', async () => {
    const { body } = await api.json(`${BUILDS}?sort_by=number:asc&limit=3`);

    expect(body.builds.map((build: any) => build.number)).toEqual(['1', '2', '3']);
  });

  it('warns about unknown parameters and sort modes', async () => {
    const { status, body } = await api.json(`${BUILDS}?limit=1&foo=bar&sort_by=bogus`);

    expect(status).toBe(200);
    expect(body['@warnings']).toEqual([
      {
        '@type': 'warning',
        message: 'query parameter foo not safelisted, ignored',
        warning_type: 'ignored_parameter',
        parameter: 'foo',
      },
      {
        '@type': 'warning',
        message: 'query value bogus for sort_by not a valid sort mode, ignored',
        warning_type: 'ignored_value',
        value: 'bogus',
        parameter: 'sort_by',
      },
    ]);
  });

  it('expands jobs with include and points them back at the build', async () => {
    const { body } = await api.json(`${BUILDS}?limit=1&include=build.jobs,job.config`);
    const [build] = body.builds;
    const [job] = build.jobs;

    expect(job['@representation']).toBe('standard');
    expect(job.build).toEqual({ '@href': `/build/${build.id}` });
    expect(job.config).toEqual(expect.objectContaining({ language: 'node_js', os: 'linux' }));
  });

  it.each([
    ['jobs', 'illegal format for include parameter'],
    ['build.foo', 'no field "build.foo" to include'],
  ])('rejects include=%s', async (include, message) => {
    const { status, body } = await api.json(`${BUILDS}?include=${include}`);

    expect(status).toBe(400);
    expect(body.error_message).toBe(message);
  });

  it('supports skip_count by claiming one more build after a full page', async () => {
    const { body } = await api.json(`${BUILDS}?limit=10&skip_count=true`);

    expect(body['@pagination'].count).toBe(11);
    expect(body['@pagination'].is_last).toBe(false);
  });

  it('hides a private repository from a token without access', async () => {
    const { status, body } = await api.json('/repo/acme%2Finventory-service/builds', {
      token: SIMULATOR_TOKENS.teamA,
    });

    expect(status).toBe(404);
    expect(body).toEqual({
      '@type': 'error',
      error_type: 'not_found',
      error_message: 'repository not found (or insufficient access)',
      resource_type: 'repository',
    });
  });
});
