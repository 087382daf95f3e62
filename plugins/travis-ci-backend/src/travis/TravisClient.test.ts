import { registerMswTestHooks } from '@backstage/backend-test-utils';
import {
  createTravisSimulator,
  SIMULATOR_TOKENS,
} from '@travis-ci-backstage/travis-simulator';
import { setupServer } from 'msw/node';
import packageJson from '../../package.json';
import { TravisClient } from './TravisClient';

const HOSTED = {
  name: 'default',
  baseUrl: 'https://api.travis-ci.com',
  webUrl: 'https://app.travis-ci.com',
};
const ENTERPRISE = {
  name: 'enterprise',
  baseUrl: 'https://travis.example.com/api',
  webUrl: 'https://travis.example.com',
};
const PAYMENTS = { owner: 'acme', name: 'payments-api' };
const LEGACY = { owner: 'acme', name: 'legacy-billing' };

describe('TravisClient', () => {
  const simulator = createTravisSimulator({ speed: 0 });
  const server = setupServer(
    ...simulator.handlers(HOSTED.baseUrl),
    ...simulator.handlers(ENTERPRISE.baseUrl),
  );
  registerMswTestHooks(server);

  const sent: Request[] = [];
  beforeEach(() => {
    sent.length = 0;
    server.events.on('request:start', ({ request }) => {
      sent.push(request.clone());
    });
  });
  afterEach(() => {
    server.events.removeAllListeners();
    simulator.reset();
  });

  function client(instance = HOSTED, token: string = SIMULATOR_TOKENS.admin) {
    return new TravisClient({ instance, token, timeoutMs: 5000 });
  }

  it('sends the version, token and user agent headers', async () => {
    await client().getRepository(PAYMENTS);

    expect(sent).toHaveLength(1);
    expect(sent[0].headers.get('travis-api-version')).toBe('3');
    expect(sent[0].headers.get('authorization')).toBe(
      `token ${SIMULATOR_TOKENS.admin}`,
    );
    expect(sent[0].headers.get('user-agent')).toBe(
      `@travis-ci-backstage/plugin-travis-ci-backend/${packageJson.version}`,
    );
  });

  it('encodes the slug as one path segment', async () => {
    const repository = await client().getRepository(PAYMENTS);

    expect(repository.slug).toBe('acme/payments-api');
    expect(new URL(sent[0].url).pathname).toBe('/repo/acme%2Fpayments-api');
  });

  it('sends JSON bodies with their content type', async () => {
    const pending = await client().createRequest(PAYMENTS, {
      branch: 'main',
      message: 'Triggered from Backstage by user:default/jane',
      config: { script: 'true' },
      mergeMode: 'merge',
    });

    expect(pending.request.message).toBe(
      'Triggered from Backstage by user:default/jane',
    );
    const post = sent.find(r => r.method === 'POST')!;
    expect(post.headers.get('content-type')).toBe('application/json');
    expect(await post.json()).toEqual({
      request: {
        branch: 'main',
        message: 'Triggered from Backstage by user:default/jane',
        config: { script: 'true' },
        merge_mode: 'merge',
      },
    });
  });

  it('encodes branch names with a slash', async () => {
    const branch = await client().getBranch(
      PAYMENTS,
      'feature/idempotency-keys',
    );

    expect(branch.name).toBe('feature/idempotency-keys');
    expect(new URL(sent[0].url).pathname).toBe(
      '/repo/acme%2Fpayments-api/branch/feature%2Fidempotency-keys',
    );
  });

  it('follows pagination links under the Enterprise /api path', async () => {
    const all = await client(ENTERPRISE).listBranches(LEGACY);
    sent.length = 0;

    const paged = await client(ENTERPRISE).listBranches(LEGACY, 1);

    expect(all.length).toBeGreaterThan(1);
    expect(paged.map(b => b.name)).toEqual(all.map(b => b.name));
    expect(sent.length).toBe(all.length);
    for (const request of sent) {
      expect(new URL(request.url).pathname).toMatch(/^\/api\/repo\//);
    }
  });

  it('returns undefined for a log not written yet', async () => {
    const builds = await client().listBuilds(
      { owner: 'acme', name: 'checkout-service' },
      { limit: 1, offset: 0 },
    );
    const build = await client().getBuild(builds.builds[0].id);
    const waiting = build.jobs!.find(job => job.state === 'created')!;

    await expect(client().getJobLogText(waiting.id)).resolves.toBeUndefined();
  });

  it('reads a log as plain text', async () => {
    const builds = await client().listBuilds(PAYMENTS, {
      limit: 1,
      offset: 0,
      state: 'passed',
    });
    const build = await client().getBuild(builds.builds[0].id);
    sent.length = 0;

    const text = await client().getJobLogText(build.jobs![0].id);

    expect(text).toEqual(expect.any(String));
    expect(text!.length).toBeGreaterThan(0);
    expect(sent[0].headers.get('accept')).toBe('text/plain');
  });

  it('maps a rejected token', async () => {
    await expect(
      client(HOSTED, 'not-a-token').getRepository(PAYMENTS),
    ).rejects.toMatchObject({
      name: 'BadGatewayError',
      code: 'token-rejected',
    });
  });

  it('maps an unknown repository', async () => {
    await expect(
      client().getRepository({ owner: 'acme', name: 'nope' }),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      code: 'repository-not-found',
    });
  });
});
