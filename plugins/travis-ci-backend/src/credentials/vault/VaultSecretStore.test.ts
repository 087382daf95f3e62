import {
  createMockDirectory,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { startTestIssuer } from '../../identity/__testUtils__/startTestIssuer';
import { CapturingLogger } from '../../__testUtils__/CapturingLogger';
import {
  OwnerSecretReadRequest,
  SecretStoreError,
} from '../owner/OwnerSecretStore';
import { VaultEmulator } from './__testUtils__/VaultEmulator';
import { VaultClient } from './VaultClient';
import { VaultAuth, VaultSecretStore } from './VaultSecretStore';

jest.setTimeout(30_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const TEAM_A = {
  ownerRef: 'group:default/team-a',
  ownerSlug: 'group.default.team-a',
  entityRef: 'component:default/payments',
  repository: 'acme/payments-api',
};
const TEAM_B: OwnerSecretReadRequest = {
  ownerRef: 'group:default/team-b',
  ownerSlug: 'group.default.team-b',
  entityRef: 'component:default/web',
  repository: 'acme/web-frontend',
};

describe('VaultSecretStore', () => {
  const vault = new VaultEmulator();
  let testIssuer: Awaited<ReturnType<typeof startTestIssuer>>;
  const mockDir = createMockDirectory();

  beforeAll(async () => {
    await vault.start();
    testIssuer = await startTestIssuer(databases);
    vault.configureJwt({
      issuer: testIssuer.issuer.issuer,
      jwksUrl: testIssuer.jwksUrl,
    });
    vault.jwtRoles.set('travis', {
      boundAudiences: ['vault.test/travis'],
      userClaim: 'sub',
      tokenTtl: 120,
    });
    vault.putSecret('group.default.team-a', {
      token: 'travis-a-1',
      repositories: ['acme/*'],
    });
    vault.putSecret('group.default.team-b', {
      token: 'travis-b-1',
      repositories: ['acme/web-*'],
    });
  });

  afterAll(async () => {
    await vault.stop();
    await testIssuer.stop();
  });

  beforeEach(() => {
    vault.logins.length = 0;
    vault.reads.length = 0;
    vault.sealed = false;
  });

  function createStore(auth: VaultAuth | 'jwt') {
    return new VaultSecretStore({
      client: new VaultClient({ baseUrl: vault.url, timeoutMs: 2_000 }),
      auth:
        auth === 'jwt'
          ? {
              method: 'jwt',
              mount: 'jwt',
              role: 'travis',
              audience: 'vault.test/travis',
              issuer: testIssuer.issuer,
            }
          : auth,
      kvMount: 'secret',
      prefix: 'travis',
      logger: new CapturingLogger(),
    });
  }

  it('logs in per owner with a verified workload identity token', async () => {
    const store = createStore('jwt');

    const a = await store.read(TEAM_A);
    const b = await store.read(TEAM_B);
    await store.read(TEAM_A);

    expect(a).toEqual({
      value: { token: 'travis-a-1', repositories: ['acme/*'] },
      version: '1',
    });
    expect(b.version).toBe('1');
    expect(vault.logins).toHaveLength(2);
    expect(vault.logins[0].claims).toMatchObject({
      iss: testIssuer.issuer.issuer,
      sub: 'group.default.team-a',
      aud: 'vault.test/travis',
      owner_ref: 'group:default/team-a',
      entity_ref: 'component:default/payments',
      repo_slug: 'acme/payments-api',
    });
    expect(vault.logins[1].claims?.sub).toBe('group.default.team-b');
    expect(vault.reads).toEqual([
      'group.default.team-a',
      'group.default.team-b',
      'group.default.team-a',
    ]);
  });

  it('names the KV v2 path of an owner', () => {
    expect(createStore('jwt').secretPath('group.default.team-a')).toBe(
      'secret/data/travis/group.default.team-a',
    );
  });

  it('logs in again once after a denied read', async () => {
    const store = createStore('jwt');
    await store.read(TEAM_A);
    vault.revokeAllTokens();

    const again = await store.read(TEAM_A);

    expect(again.version).toBe('1');
    expect(vault.logins).toHaveLength(2);
  });

  it('reports a login with an unknown role as invalid', async () => {
    const store = new VaultSecretStore({
      client: new VaultClient({ baseUrl: vault.url, timeoutMs: 2_000 }),
      auth: {
        method: 'jwt',
        mount: 'jwt',
        role: 'missing',
        audience: 'vault.test/travis',
        issuer: testIssuer.issuer,
      },
      kvMount: 'secret',
      prefix: 'travis',
      logger: new CapturingLogger(),
    });

    await expect(store.read(TEAM_A)).rejects.toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining(
        'HTTP 400: role "missing" could not be found',
      ),
    });
  });

  it('reports a wrong audience as invalid', async () => {
    const store = new VaultSecretStore({
      client: new VaultClient({ baseUrl: vault.url, timeoutMs: 2_000 }),
      auth: {
        method: 'jwt',
        mount: 'jwt',
        role: 'travis',
        audience: 'another-audience',
        issuer: testIssuer.issuer,
      },
      kvMount: 'secret',
      prefix: 'travis',
      logger: new CapturingLogger(),
    });

    await expect(store.read(TEAM_A)).rejects.toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('error validating token'),
    });
  });

  it('reports a sealed Vault as unavailable', async () => {
    vault.sealed = true;

    const error = await createStore('jwt')
      .read(TEAM_A)
      .catch(e => e);

    expect(error).toBeInstanceOf(SecretStoreError);
    expect(error.kind).toBe('unavailable');
    expect(error.message).toContain('HTTP 503: Vault is sealed');
  });

  it('reports an unreachable Vault as unavailable', async () => {
    const store = new VaultSecretStore({
      client: new VaultClient({
        baseUrl: 'http://127.0.0.1:1',
        timeoutMs: 2_000,
      }),
      auth: { method: 'token', token: 'root' },
      kvMount: 'secret',
      prefix: 'travis',
      logger: new CapturingLogger(),
    });

    await expect(store.read(TEAM_A)).rejects.toMatchObject({
      kind: 'unavailable',
    });
  });

  it('reports a missing secret as not found', async () => {
    const error = await createStore('jwt')
      .read({
        ...TEAM_A,
        ownerRef: 'group:default/team-c',
        ownerSlug: 'group.default.team-c',
      })
      .catch(e => e);

    expect(error.kind).toBe('not-found');
  });

  it('logs in with the Kubernetes service account token', async () => {
    mockDir.setContent({ token: `${vault.kubernetes.jwt}\n` });
    const store = createStore({
      method: 'kubernetes',
      mount: 'kubernetes',
      role: 'backstage',
      tokenPath: mockDir.resolve('token'),
    });

    await store.read(TEAM_A);
    await store.read(TEAM_B);

    expect(vault.logins).toEqual([{ mount: 'kubernetes', role: 'backstage' }]);
    expect(vault.reads).toEqual([
      'group.default.team-a',
      'group.default.team-b',
    ]);
  });

  it('reports a rejected service account token as denied', async () => {
    mockDir.setContent({ token: 'wrong' });
    const store = createStore({
      method: 'kubernetes',
      mount: 'kubernetes',
      role: 'backstage',
      tokenPath: mockDir.resolve('token'),
    });

    await expect(store.read(TEAM_A)).rejects.toMatchObject({ kind: 'denied' });
  });

  it('reports a missing service account token file as invalid', async () => {
    const store = createStore({
      method: 'kubernetes',
      mount: 'kubernetes',
      role: 'backstage',
      tokenPath: mockDir.resolve('absent'),
    });

    await expect(store.read(TEAM_A)).rejects.toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining(mockDir.resolve('absent')),
    });
  });

  it('reads with a configured token and fails denied without retry', async () => {
    const store = createStore({ method: 'token', token: 'not-a-vault-token' });

    await expect(store.read(TEAM_A)).rejects.toMatchObject({
      kind: 'denied',
      message: expect.stringContaining('permission denied'),
    });
    expect(vault.logins).toHaveLength(0);
  });
});
