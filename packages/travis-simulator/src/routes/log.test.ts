import { SIMULATOR_TOKENS } from '../model/fixtures';
import { TestApi, useSimulatorApi } from '../testing/apiClient';

const api = useSimulatorApi();

async function latestJobs(testApi: TestApi, slug: string) {
  const { body } = await testApi.json(
    `/repo/${encodeURIComponent(slug)}/builds?limit=1&include=build.jobs`,
  );
  return body.builds[0].jobs;
}

describe('GET /job/{id}/log', () => {
  it('grows while the job runs and ends with one final part', async () => {
    const jobs = await latestJobs(api, 'acme/checkout-service');
    const running = jobs.find((job: any) => job.state === 'started');

    const early = await api.json(`/job/${running.id}/log`);
    expect(early.status).toBe(200);
    expect(early.body).toEqual(
      expect.objectContaining({
        '@type': 'log',
        '@href': `/job/${running.id}/log`,
        '@representation': 'standard',
        '@raw_log_href': `/v3/job/${running.id}/log.txt`,
      }),
    );
    expect(early.body.log_parts.length).toBeGreaterThan(0);
    expect(early.body.log_parts.every((part: any) => part.final === false)).toBe(true);
    expect(early.body.log_parts.map((part: any) => part.number)).toEqual(
      early.body.log_parts.map((_: unknown, index: number) => index),
    );
    expect(early.body.content).toBe(early.body.log_parts.map((part: any) => part.content).join(''));

    api.simulator.clock.advance(5 * 60_000);
    const later = await api.json(`/job/${running.id}/log`);
    expect(later.body.content.length).toBeGreaterThan(early.body.content.length);
    expect(later.body.content.startsWith(early.body.content)).toBe(true);

    api.simulator.clock.advance(20 * 60_000);
    const finished = await api.json(`/job/${running.id}/log`);
    expect(finished.body.log_parts).toEqual([{ number: 0, content: finished.body.content, final: true }]);
    expect(finished.body.content).toContain('The command "npm test" exited with 0.');
    expect(finished.body.content).toMatch(/Done\. Your build exited with 0\.\n$/);
  });

  it('answers 404 before the job has written anything', async () => {
    const jobs = await latestJobs(api, 'acme/checkout-service');
    const waiting = jobs.find((job: any) => job.state === 'created');
    const { status, body } = await api.json(`/job/${waiting.id}/log`);

    expect(status).toBe(404);
    expect(body).toEqual({ '@type': 'error', error_type: 'not_found', error_message: 'log not found' });
  });

  it('writes Travis folds, timing markers and ANSI colours', async () => {
    const [job] = await latestJobs(api, 'acme/payments-api');
    const { body } = await api.json(`/job/${job.id}/log`);

    expect(body.content).toContain('travis_fold:start:git.checkout\r\x1b[0K');
    expect(body.content).toContain('travis_fold:end:git.checkout\r\x1b[0K');
    // eslint-disable-next-line no-control-regex
    expect(body.content).toMatch(/travis_time:start:[0-9a-f]{8}\r\x1b\[0K\$ npm test/);
    expect(body.content).toMatch(
      // eslint-disable-next-line no-control-regex
      /travis_time:end:[0-9a-f]{8}:start=\d+,finish=\d+,duration=\d+,event=script\r\x1b\[0K/,
    );
    expect(body.content).toContain('\x1b[32;1mThe command "npm test" exited with 0.\x1b[0m');
  });

  it('ends a failing job with the assertion and the exit code', async () => {
    const jobs = await latestJobs(api, 'acme/web-frontend');
    const failed = jobs.find((job: any) => job.state === 'failed' && !job.allow_failure);
    const response = await api.call(`/job/${failed.id}/log.txt`);
    const text = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain');
    const assertion = text.indexOf('expect(received).toEqual(expected)');
    const exit = text.indexOf('The command "npm test" exited with 1.');
    expect(assertion).toBeGreaterThan(0);
    expect(exit).toBeGreaterThan(assertion);
    expect(text).toMatch(/Done\. Your build exited with 1\.\n$/);
  });

  it('answers plain text for Accept: text/plain only', async () => {
    const [job] = await latestJobs(api, 'acme/payments-api');
    const plain = await api.call(`/job/${job.id}/log`, { headers: { Accept: 'text/plain' } });
    const json = await api.call(`/job/${job.id}/log`, { headers: { Accept: 'text/plain, */*' } });

    expect(plain.headers.get('content-type')).toBe('text/plain');
    expect(await plain.text()).toContain('Worker information');
    expect(json.headers.get('content-type')).toBe('application/json');
  });

  it('adds a log token for private repositories that unlocks the raw log', async () => {
    const [job] = await latestJobs(api, 'acme/web-frontend');
    const { body } = await api.json(`/job/${job.id}/log`, { token: SIMULATOR_TOKENS.teamA });
    const rawHref: string = body['@raw_log_href'];
    expect(rawHref).toMatch(new RegExp(`^/v3/job/${job.id}/log\\.txt\\?log\\.token=[0-9a-f]+$`));

    const withToken = await api.call(rawHref, { token: null, withoutVersion: true });
    expect(withToken.status).toBe(200);
    expect(await withToken.text()).toContain('Worker information');

    const withoutToken = await api.json(`/v3/job/${job.id}/log.txt`, { token: null, withoutVersion: true });
    expect(withoutToken.status).toBe(404);
    expect(withoutToken.body).toEqual({
      '@type': 'error',
      error_type: 'not_found',
      error_message: 'log not found (or insufficient access)',
      resource_type: 'log',
    });
  });

  it('truncates a canceled job log with the cancel notice', async () => {
    const jobs = await latestJobs(api, 'acme/checkout-service');
    const running = jobs.find((job: any) => job.state === 'started');
    await api.json(`/job/${running.id}/cancel`, { method: 'POST' });

    const { body } = await api.json(`/job/${running.id}/log`);
    expect(body.log_parts).toHaveLength(1);
    expect(body.log_parts[0].final).toBe(true);
    expect(body.content).toContain('Done: Job Cancelled');
    expect(body.content).not.toContain('Your build exited');
  });
});
