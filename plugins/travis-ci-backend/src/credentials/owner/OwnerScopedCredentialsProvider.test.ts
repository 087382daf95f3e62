import { Entity } from '@backstage/catalog-model';
import { TravisCredentialsRequest } from '../TravisCredentialsProvider';
import { CapturingLogger } from '../../__testUtils__/CapturingLogger';
import { OwnerScopedCredentialsProvider } from './OwnerScopedCredentialsProvider';
import {
  OwnerSecretReadRequest,
  OwnerSecretStore,
  SecretStoreError,
  SecretStoreErrorKind,
} from './OwnerSecretStore';

const TEAM_A_TOKEN = 'team-a-secret-token-v1';
const TEAM_A_TOKEN_2 = 'team-a-secret-token-v2';

/** An in-memory store with versions and switchable failures. */
class MemoryStore implements OwnerSecretStore {
  readonly kind = 'Test Store';
  readonly description = 'the test store at http://store.internal:8200';
  readonly reads: OwnerSecretReadRequest[] = [];
  readonly secrets = new Map<string, { value: unknown; version: number }>();
  failure?: SecretStoreErrorKind;

  secretPath(ownerSlug: string) {
    return `travis/${ownerSlug}`;
  }

  put(ownerSlug: string, value: unknown) {
    const version = (this.secrets.get(ownerSlug)?.version ?? 0) + 1;
    this.secrets.set(ownerSlug, { value, version });
  }

  async read(request: OwnerSecretReadRequest) {
    this.reads.push(request);
    if (this.failure) {
      throw new SecretStoreError(this.failure, `simulated ${this.failure}`);
    }
    const secret = this.secrets.get(request.ownerSlug);
    if (!secret) {
      throw new SecretStoreError(
        'not-found',
        `no secret at travis/${request.ownerSlug}`,
      );
    }
    return { value: secret.value, version: String(secret.version) };
  }
}

function credentialsRequest(
  overrides: Partial<TravisCredentialsRequest> = {},
): TravisCredentialsRequest {
  return {
    instance: {
      name: 'default',
      baseUrl: 'http://127.0.0.1:1',
      webUrl: 'http://127.0.0.1:1',
    },
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'payments' },
    } as Entity,
    entityRef: 'component:default/payments',
    ownerRef: 'group:default/team-a',
    repository: { owner: 'acme', name: 'payments-api' },
    ...overrides,
  };
}

function setup() {
  let now = 1_000_000;
  const store = new MemoryStore();
  const logger = new CapturingLogger();
  const provider = new OwnerScopedCredentialsProvider({
    store,
    logger,
    cache: { softTtlMs: 60_000, maxAgeMs: 600_000, rejectedRecheckMs: 10_000 },
    now: () => now,
  });
  store.put('group.default.team-a', {
    token: TEAM_A_TOKEN,
    repositories: ['acme/payments-*'],
  });
  return {
    store,
    logger,
    provider,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

async function caught(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('OwnerScopedCredentialsProvider', () => {
  it('returns the owner token for an allowed repository', async () => {
    const { provider, store } = setup();

    const credentials = await provider.getCredentials(credentialsRequest());

    expect(credentials).toEqual({ token: TEAM_A_TOKEN });
    expect(store.reads).toEqual([
      {
        ownerRef: 'group:default/team-a',
        ownerSlug: 'group.default.team-a',
        entityRef: 'component:default/payments',
        repository: 'acme/payments-api',
      },
    ]);
  });

  it('rejects a repository outside the owner patterns', async () => {
    const { provider } = setup();

    const error = await caught(
      provider.getCredentials(
        credentialsRequest({
          repository: { owner: 'acme', name: 'web-frontend' },
        }),
      ),
    );

    expect(error.name).toBe('NotAllowedError');
    expect(error.code).toBe('repository-not-allowed');
    expect(error.message).toContain('group:default/team-a');
    expect(error.message).toContain('acme/web-frontend');
    expect(error.message).not.toContain(TEAM_A_TOKEN);
  });

  it('rejects an entity without owner', async () => {
    const { provider, store } = setup();

    const error = await caught(
      provider.getCredentials(credentialsRequest({ ownerRef: undefined })),
    );

    expect(error.code).toBe('repository-not-allowed');
    expect(error.message).toContain('has no owner');
    expect(store.reads).toHaveLength(0);
  });

  it('rejects a token stored for another instance', async () => {
    const { provider, store } = setup();
    store.put('group.default.team-a', {
      token: TEAM_A_TOKEN,
      repositories: ['acme/*'],
      instance: 'enterprise',
    });

    const error = await caught(provider.getCredentials(credentialsRequest()));

    expect(error.code).toBe('repository-not-allowed');
    expect(error.message).toContain('"enterprise"');
  });

  it('caches per owner until the soft TTL', async () => {
    const { provider, store, advance } = setup();
    store.put('group.default.team-b', {
      token: 'team-b-token',
      repositories: ['acme/*'],
    });

    await provider.getCredentials(credentialsRequest());
    await provider.getCredentials(credentialsRequest());
    await provider.getCredentials(
      credentialsRequest({ ownerRef: 'group:default/team-b' }),
    );
    advance(59_000);
    await provider.getCredentials(credentialsRequest());

    expect(store.reads.map(read => read.ownerSlug)).toEqual([
      'group.default.team-a',
      'group.default.team-b',
    ]);

    store.put('group.default.team-a', {
      token: TEAM_A_TOKEN_2,
      repositories: ['acme/*'],
    });
    advance(2_000);

    await expect(
      provider.getCredentials(credentialsRequest()),
    ).resolves.toEqual({
      token: TEAM_A_TOKEN_2,
    });
    expect(store.reads).toHaveLength(3);
  });

  it('reads once for concurrent requests', async () => {
    const { provider, store } = setup();

    await Promise.all(
      [1, 2, 3].map(() => provider.getCredentials(credentialsRequest())),
    );

    expect(store.reads).toHaveLength(1);
  });

  it('serves a cached token during a store outage', async () => {
    const { provider, store, advance, logger } = setup();
    await provider.getCredentials(credentialsRequest());
    store.failure = 'unavailable';
    advance(120_000);

    await expect(
      provider.getCredentials(credentialsRequest()),
    ).resolves.toEqual({
      token: TEAM_A_TOKEN,
    });
    expect(logger.text()).toContain('Serving the cached Travis CI token');

    advance(600_000);
    const error = await caught(provider.getCredentials(credentialsRequest()));

    expect(error.name).toBe('ServiceUnavailableError');
    expect(error.code).toBe('credentials-unavailable');
    expect(error.message).toContain('Test Store is unavailable');
  });

  it('fails with 503 naming the store without a cached token', async () => {
    const { provider, store } = setup();
    store.failure = 'unavailable';

    const error = await caught(provider.getCredentials(credentialsRequest()));

    expect(error.code).toBe('credentials-unavailable');
    expect(error.message).toBe(
      'No Travis CI token for owner group:default/team-a: Test Store is unavailable. Try again in a few minutes; if this persists, ask the Backstage operators to check Test Store.',
    );
  });

  it.each([
    ['unavailable', 'Test Store is unavailable. Try again'],
    ['denied', 'Test Store denied the backend access'],
    ['not-found', 'Test Store has no Travis CI secret for this owner'],
    ['invalid', 'failed because of a configuration error'],
  ] as const)(
    'names no address or path for a %s store',
    async (failure, expected) => {
      const { provider, store, logger } = setup();
      store.failure = failure;

      const error = await caught(provider.getCredentials(credentialsRequest()));

      expect(error.message).toContain('owner group:default/team-a');
      expect(error.message).toContain(expected);
      expect(error.message).not.toContain('store.internal');
      expect(error.message).not.toContain('travis/group.default.team-a');
      expect(error.message).not.toContain(`simulated ${failure}`);
      expect(logger.text()).toContain(
        'travis/group.default.team-a in the test store at http://store.internal:8200',
      );
      expect(logger.text()).toContain(`simulated ${failure}`);
    },
  );

  it('drops the cached token when the store denies access', async () => {
    const { provider, store, advance } = setup();
    await provider.getCredentials(credentialsRequest());
    store.failure = 'denied';
    advance(61_000);

    const error = await caught(provider.getCredentials(credentialsRequest()));

    expect(error.code).toBe('credentials-unavailable');
    store.failure = 'unavailable';
    await expect(
      provider.getCredentials(credentialsRequest()),
    ).rejects.toMatchObject({
      code: 'credentials-unavailable',
    });
  });

  it('reports an invalid secret without its token', async () => {
    const { provider, store } = setup();
    store.put('group.default.team-a', {
      token: TEAM_A_TOKEN,
      repositories: ['*/*'],
    });

    const error = await caught(provider.getCredentials(credentialsRequest()));

    expect(error.code).toBe('credentials-unavailable');
    expect(error.message).toContain('invalid repository pattern "*/*"');
    expect(error.message).not.toContain(TEAM_A_TOKEN);
  });

  it('uses a new secret version after a rejection', async () => {
    const { provider, store } = setup();
    const first = await provider.getCredentials(credentialsRequest());
    store.put('group.default.team-a', {
      token: TEAM_A_TOKEN_2,
      repositories: ['acme/*'],
    });

    await provider.reportRejected(credentialsRequest(), first);

    await expect(
      provider.getCredentials(credentialsRequest()),
    ).resolves.toEqual({
      token: TEAM_A_TOKEN_2,
    });
    expect(store.reads).toHaveLength(2);
  });

  it('fails closed when the rejected version is still current', async () => {
    const { provider, store, advance, logger } = setup();
    const first = await provider.getCredentials(credentialsRequest());

    const error = await caught(
      provider.reportRejected(credentialsRequest(), first),
    );

    expect(error.code).toBe('token-rejected');
    expect(error.message).toContain(
      'The Travis CI token of owner group:default/team-a is invalid',
    );
    expect(error.message).not.toContain(TEAM_A_TOKEN);

    // Until the recheck interval passes, no request reaches the store.
    await expect(
      provider.getCredentials(credentialsRequest()),
    ).rejects.toMatchObject({
      code: 'token-rejected',
    });
    expect(store.reads).toHaveLength(2);

    advance(11_000);
    await expect(
      provider.getCredentials(credentialsRequest()),
    ).rejects.toMatchObject({
      code: 'token-rejected',
    });
    expect(store.reads).toHaveLength(3);

    store.put('group.default.team-a', {
      token: TEAM_A_TOKEN_2,
      repositories: ['acme/*'],
    });
    advance(11_000);
    await expect(
      provider.getCredentials(credentialsRequest()),
    ).resolves.toEqual({
      token: TEAM_A_TOKEN_2,
    });
    expect(logger.text()).not.toContain(TEAM_A_TOKEN);
  });

  it('never serves a rejected token during an outage', async () => {
    const { provider, store, advance } = setup();
    const first = await provider.getCredentials(credentialsRequest());
    store.failure = 'unavailable';

    const error = await caught(
      provider.reportRejected(credentialsRequest(), first),
    );
    advance(11_000);
    const later = await caught(provider.getCredentials(credentialsRequest()));

    expect(error.code).toBe('token-rejected');
    expect(later.code).toBe('credentials-unavailable');
  });

  it('ignores a rejection of a token already replaced', async () => {
    const { provider, store } = setup();
    const first = await provider.getCredentials(credentialsRequest());
    store.put('group.default.team-a', {
      token: TEAM_A_TOKEN_2,
      repositories: ['acme/*'],
    });
    await provider.reportRejected(credentialsRequest(), first);

    await provider.reportRejected(credentialsRequest(), first);

    expect(store.reads).toHaveLength(2);
  });

  it('keeps tokens out of logs', async () => {
    const { provider, store, advance, logger } = setup();
    const first = await provider.getCredentials(credentialsRequest());
    store.failure = 'unavailable';
    advance(61_000);
    await provider.getCredentials(credentialsRequest());
    store.failure = undefined;
    store.put('group.default.team-a', {
      token: TEAM_A_TOKEN_2,
      repositories: ['acme/*'],
    });
    await provider.reportRejected(credentialsRequest(), first);

    const log = logger.text();

    expect(log).toContain('group:default/team-a');
    expect(log).not.toContain(TEAM_A_TOKEN);
    expect(log).not.toContain(TEAM_A_TOKEN_2);
  });
});
