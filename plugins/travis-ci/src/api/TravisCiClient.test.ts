import { ResponseError } from '@backstage/errors';
import { mockApis, registerMswTestHooks } from '@backstage/frontend-test-utils';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { classifyTravisCiError } from '../lib/travisCiError';
import { RequestTimeoutError } from './RequestTimeoutError';
import { TravisCiClient } from './TravisCiClient';

const server = setupServer();
registerMswTestHooks(server);

const ENTITY = {
  kind: 'Component',
  namespace: 'default',
  name: 'payments api',
};
const ENTITY_URL =
  'http://example.com/api/travis-ci/entities/Component/default/payments%20api';

function createClient() {
  return new TravisCiClient({
    discoveryApi: mockApis.discovery(),
    fetchApi: mockApis.fetch(),
  });
}

describe('TravisCiClient', () => {
  it('sends the build list filters as query parameters', async () => {
    let url: URL | undefined;
    server.use(
      http.get(`${ENTITY_URL}/builds`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json({
          builds: [],
          totalCount: 0,
          limit: 10,
          offset: 20,
        });
      }),
    );

    const list = await createClient().getBuilds(ENTITY, {
      branch: 'feature/a b',
      state: 'failed',
      eventType: 'pull_request',
      limit: 10,
      offset: 20,
    });

    expect(list.totalCount).toBe(0);
    expect(Object.fromEntries(url!.searchParams)).toEqual({
      branch: 'feature/a b',
      state: 'failed',
      eventType: 'pull_request',
      limit: '10',
      offset: '20',
    });
  });

  it('omits absent filters', async () => {
    let search: string | undefined;
    server.use(
      http.get(`${ENTITY_URL}/builds`, ({ request }) => {
        search = new URL(request.url).search;
        return HttpResponse.json({
          builds: [],
          totalCount: 0,
          limit: 25,
          offset: 0,
        });
      }),
    );

    await createClient().getBuilds(ENTITY);

    expect(search).toBe('');
  });

  it('returns the branch list', async () => {
    server.use(
      http.get(`${ENTITY_URL}/branches`, () =>
        HttpResponse.json({
          branches: [{ name: 'main', defaultBranch: true }],
        }),
      ),
    );

    expect(await createClient().getBranches(ENTITY)).toEqual([
      { name: 'main', defaultBranch: true },
    ]);
  });

  it('posts a trigger request as JSON', async () => {
    let body: unknown;
    server.use(
      http.post(`${ENTITY_URL}/builds`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(
          { requestId: 5, branch: 'main', message: 'hi' },
          { status: 202 },
        );
      }),
    );

    const response = await createClient().triggerBuild(ENTITY, {
      branch: 'main',
      config: { script: 'make' },
      mergeMode: 'merge',
    });

    expect(response.requestId).toBe(5);
    expect(body).toEqual({
      branch: 'main',
      config: { script: 'make' },
      mergeMode: 'merge',
    });
  });

  it.each([
    ['restartBuild', '/builds/12/restart'],
    ['cancelBuild', '/builds/12/cancel'],
    ['restartJob', '/jobs/12/restart'],
    ['cancelJob', '/jobs/12/cancel'],
  ] as const)('%s posts to %s', async (method, path) => {
    server.use(
      http.post(`${ENTITY_URL}${path}`, () =>
        HttpResponse.json(
          { resourceType: 'build', id: 12, stateChange: 'restart' },
          { status: 202 },
        ),
      ),
    );

    await expect(createClient()[method](ENTITY, 12)).resolves.toMatchObject({
      id: 12,
    });
  });

  it('reads the build details and the actions', async () => {
    server.use(
      http.get(`${ENTITY_URL}/builds/7`, () =>
        HttpResponse.json({ id: 7, jobs: [], stages: [] }),
      ),
      http.get(`${ENTITY_URL}/actions`, () =>
        HttpResponse.json({
          read: { allowed: true },
          trigger: { allowed: false },
        }),
      ),
    );

    const client = createClient();
    await expect(client.getBuild(ENTITY, 7)).resolves.toMatchObject({ id: 7 });
    await expect(client.getActions(ENTITY)).resolves.toMatchObject({
      trigger: { allowed: false },
    });
  });

  it('rejects an id that is not a non-negative integer', async () => {
    await expect(createClient().getBuild(ENTITY, 1.5)).rejects.toThrow(
      'Invalid Travis CI id 1.5',
    );
  });

  it('reads a log chunk and its headers', async () => {
    let offset: string | null = null;
    server.use(
      http.get(`${ENTITY_URL}/jobs/9/log`, ({ request }) => {
        offset = new URL(request.url).searchParams.get('offset');
        return new HttpResponse('make test\n', {
          headers: {
            'content-type': 'text/plain',
            'x-travis-log-next-offset': '130',
            'x-travis-log-complete': 'false',
            'x-travis-log-available': 'true',
          },
        });
      }),
    );

    const chunk = await createClient().getJobLog(ENTITY, 9, { offset: 120 });

    expect(offset).toBe('120');
    expect(chunk).toEqual({
      content: 'make test\n',
      nextOffset: 130,
      complete: false,
      available: true,
    });
  });

  it('reports a job without output yet', async () => {
    server.use(
      http.get(
        `${ENTITY_URL}/jobs/9/log`,
        () =>
          new HttpResponse('', {
            headers: {
              'x-travis-log-next-offset': '0',
              'x-travis-log-complete': 'false',
              'x-travis-log-available': 'false',
            },
          }),
      ),
    );

    const chunk = await createClient().getJobLog(ENTITY, 9);

    expect(chunk).toEqual({
      content: '',
      nextOffset: 0,
      complete: false,
      available: false,
    });
  });

  it('throws a ResponseError that keeps the error code', async () => {
    server.use(
      http.get(`${ENTITY_URL}/builds`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'TooManyRequestsError',
              message: 'Slow down',
              code: 'rate-limited',
              retryAfterSeconds: 30,
            },
            response: { statusCode: 429 },
          },
          { status: 429 },
        ),
      ),
    );

    const error = await createClient()
      .getBuilds(ENTITY)
      .catch(e => e);

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(429);
    expect(error.body.error.code).toBe('rate-limited');
    expect(error.body.error.retryAfterSeconds).toBe(30);
  });

  it('fails a request that gets no response in time', async () => {
    server.use(
      http.get(`${ENTITY_URL}/builds`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    const client = new TravisCiClient({
      discoveryApi: mockApis.discovery(),
      fetchApi: mockApis.fetch(),
      requestTimeoutMs: 50,
    });

    const error = await client.getBuilds(ENTITY).catch(e => e);

    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(error.message).toBe(
      'The Travis CI backend did not respond to /builds within 0.05 s.',
    );
    expect(classifyTravisCiError(error).kind).toBe('network');
  });

  it('counts a body read past the limit as a network error', () => {
    const error = new DOMException('The operation timed out.', 'TimeoutError');

    expect(classifyTravisCiError(error).kind).toBe('network');
  });
});
