import { SIMULATOR_TOKENS } from './model/fixtures';
import { createTravisSimulator, TravisSimulator } from './simulator';
import { RunningSimulatorServer } from './server';
import { callTravis } from './testing/apiClient';

describe('HTTP server with the Enterprise prefix', () => {
  let simulator: TravisSimulator;
  let server: RunningSimulatorServer;
  let origin: string;

  beforeEach(async () => {
    simulator = createTravisSimulator({ prefix: '/api', speed: 0 });
    server = await simulator.listen({ port: 0 });
    origin = new URL(server.url).origin;
  });
  afterEach(() => server.close());

  function control(path: string, method = 'GET', body?: unknown) {
    return fetch(`${origin}/__simulator${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  it('listens on a random loopback port under /api', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
  });

  it('renders every href with the prefix', async () => {
    const response = await callTravis(server.url, '/repo/acme%2Flegacy-billing/builds?limit=1');
    const body = await response.json();
    const [build] = body.builds;

    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(JSON.stringify(body, null, 2))));
    expect(body['@href']).toBe('/api/repo/acme%2Flegacy-billing/builds?limit=1');
    expect(body['@pagination'].next['@href']).toBe('/api/repo/acme%2Flegacy-billing/builds?limit=1&offset=1');
    expect(build['@href']).toBe(`/api/build/${build.id}`);
    expect(build.repository['@href']).toBe(`/api/repo/${build.repository.id}`);
    expect(build.stages.map((stage: any) => stage.name)).toEqual(['test', 'integration']);
  });

  it('renders the raw log href without the prefix and with a log token', async () => {
    const { builds } = await (await callTravis(server.url, '/repo/acme%2Flegacy-billing/builds?limit=1')).json();
    const log = await (await callTravis(server.url, `/job/${builds[0].jobs[0].id}/log`)).json();

    expect(log['@href']).toBe(`/api/job/${builds[0].jobs[0].id}/log`);
    expect(log['@raw_log_href']).toMatch(/^\/v3\/job\/\d+\/log\.txt\?log\.token=/);

    const raw = await fetch(`${server.url}${log['@raw_log_href']}`);
    expect(raw.status).toBe(200);
    expect(await raw.text()).toContain('bundle exec rake');
  });

  it('answers paths outside the prefix with a plain 404', async () => {
    const response = await callTravis(origin, '/repo/acme%2Flegacy-billing');

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/html');
  });

  it('injects 5xx answers and throttling through the control endpoint', async () => {
    expect((await control('/faults', 'PUT', { errorRate: 1 })).status).toBe(200);
    const failed = await callTravis(server.url, '/repo/acme%2Fpayments-api');
    expect([500, 502, 503]).toContain(failed.status);

    await control('/faults', 'PUT', { errorRate: 0, throttleRate: 1 });
    const throttled = await callTravis(server.url, '/repo/acme%2Fpayments-api');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('content-type')).toBe('text/plain');
    expect(throttled.headers.get('retry-after')).toBeNull();
    expect(await throttled.text()).toBe('Retry later\n');

    await control('/faults', 'DELETE');
    expect((await callTravis(server.url, '/repo/acme%2Fpayments-api')).status).toBe(200);
  });

  it('resets connections when asked to', async () => {
    simulator.faults.set({ resetRate: 1 });

    await expect(callTravis(server.url, '/repo/acme%2Fpayments-api')).rejects.toThrow();
    expect((await control('/state')).status).toBe(200);
  });

  it('adds latency to every answer', async () => {
    simulator.faults.set({ latencyMs: 150 });
    const started = performance.now();
    await callTravis(server.url, '/user');

    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('rejects invalid fault settings with 400', async () => {
    const response = await control('/faults', 'PUT', { errorRate: 2 });

    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe('Invalid errorRate 2: use a number from 0 to 1');
  });

  it('advances the clock, revokes tokens and resets through the control endpoint', async () => {
    const before = await (await control('/clock')).json();
    const advanced = await (await control('/clock/advance', 'POST', { ms: 3_600_000 })).json();
    expect(Date.parse(advanced.now) - Date.parse(before.now)).toBe(3_600_000);

    const summary = await (await control('/state')).json();
    const checkout = summary.repositories.find((repository: any) => repository.slug === 'acme/checkout-service');
    expect(checkout.running).toBe(0);
    expect(checkout.lastBuild.state).toBe('passed');

    expect((await control(`/tokens/${SIMULATOR_TOKENS.teamA}/revoke`, 'POST')).status).toBe(200);
    expect((await callTravis(server.url, '/user', { token: SIMULATOR_TOKENS.teamA })).status).toBe(403);

    const reset = await (await control('/reset', 'POST')).json();
    expect(reset.now).toBe(before.now);
    expect((await callTravis(server.url, '/user', { token: SIMULATOR_TOKENS.teamA })).status).toBe(200);
  });

  it('sets the clock speed through the control endpoint', async () => {
    const before = await (await control('/clock')).json();
    const response = await control('/clock', 'PUT', { speed: 60 });

    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.speed).toBe(60);
    expect(Date.parse(body.now)).toBeGreaterThanOrEqual(Date.parse(before.now));
    expect(simulator.clock.speed()).toBe(60);
  });

  it('rejects a bad clock speed with 400', async () => {
    const negative = await control('/clock', 'PUT', { speed: -1 });
    expect(negative.status).toBe(400);
    expect((await negative.json()).error).toContain('Invalid clock speed -1');

    const missing = await control('/clock', 'PUT', { rate: 2 });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toContain('speed');
    expect(simulator.clock.speed()).toBe(0);
  });

  it('adds a token through the control endpoint', async () => {
    const created = await control('/tokens', 'POST', { token: 'ci-token', repositories: ['acme/legacy-billing'] });
    expect(created.status).toBe(201);

    const response = await callTravis(server.url, '/repo/acme%2Flegacy-billing', { token: 'ci-token' });
    expect(response.status).toBe(200);
  });
});

describe('seeded data', () => {
  function latestCommitSha(seed: number): string {
    const outcome = createTravisSimulator({ speed: 0, seed }).handle({
      method: 'GET',
      url: '/repo/acme%2Fpayments-api/builds?limit=1',
      headers: { 'travis-api-version': '3' },
      body: '',
    });
    if (outcome.kind !== 'response') {
      throw new Error(`Expected a response, got ${outcome.kind}`);
    }
    return JSON.parse(outcome.response.body).builds[0].commit.sha;
  }

  it('is the same for the same seed and differs for another', () => {
    const first = createTravisSimulator({ speed: 0 }).summary();
    const second = createTravisSimulator({ speed: 0 }).summary();

    expect(second).toEqual(first);
    expect(latestCommitSha(1)).toBe(latestCommitSha(1));
    expect(latestCommitSha(2)).not.toBe(latestCommitSha(1));
  });
});
