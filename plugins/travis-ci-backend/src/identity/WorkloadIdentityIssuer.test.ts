import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { IdentityKeyStore } from './IdentityKeyStore';
import { migrateDatabase } from './migrateDatabase';
import { SigningKeyPendingError } from './SigningKeyPendingError';
import {
  WorkloadIdentityIssuer,
  WorkloadIdentityTimings,
} from './WorkloadIdentityIssuer';

jest.setTimeout(30_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const ISSUER = 'http://127.0.0.1:7007/api/travis-ci';

const CLAIMS = {
  audience: 'vault.test/travis',
  ownerRef: 'group:default/team-a',
  ownerSlug: 'group.default.team-a',
  entityRef: 'component:default/payments',
  repository: 'acme/payments-api',
};

async function setup(timings: Partial<WorkloadIdentityTimings> = {}) {
  const knex = await databases.init('SQLITE_3');
  let offsetMs = 0;
  const issuer = new WorkloadIdentityIssuer({
    issuer: ISSUER,
    store: new IdentityKeyStore(
      await migrateDatabase(mockServices.database({ knex })),
    ),
    logger: mockServices.logger.mock(),
    timings: {
      keyLifetimeMs: 60_000,
      publishDelayMs: 300,
      tokenLifetimeMs: 90_000,
      verifierLeewayMs: 150_000,
      ...timings,
    },
    now: () => Date.now() + offsetMs,
  });
  return {
    issuer,
    advance: (ms: number) => {
      offsetMs += ms;
    },
  };
}

async function verify(issuer: WorkloadIdentityIssuer, token: string) {
  return jwtVerify(token, createLocalJWKSet(await issuer.jwks()), {
    algorithms: ['ES256'],
    issuer: ISSUER,
    audience: CLAIMS.audience,
    requiredClaims: ['jti', 'exp', 'iat', 'sub'],
  });
}

describe('WorkloadIdentityIssuer', () => {
  it('signs owner claims that verify against its JWKS', async () => {
    const { issuer } = await setup({ publishDelayMs: 0 });

    const token = await issuer.issue(CLAIMS);
    const { payload, protectedHeader } = await verify(issuer, token);

    expect(protectedHeader.alg).toBe('ES256');
    expect(payload.sub).toBe('group.default.team-a');
    expect(payload.owner_ref).toBe('group:default/team-a');
    expect(payload.owner_slug).toBe('group.default.team-a');
    expect(payload.entity_ref).toBe('component:default/payments');
    expect(payload.repo_slug).toBe('acme/payments-api');
    expect(payload.exp! - payload.iat!).toBe(90);
    expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives each token its own jti', async () => {
    const { issuer } = await setup({ publishDelayMs: 0 });

    const first = await verify(issuer, await issuer.issue(CLAIMS));
    const second = await verify(issuer, await issuer.issue(CLAIMS));

    expect(first.payload.jti).not.toBe(second.payload.jti);
  });

  it('publishes a key before it signs', async () => {
    const { issuer, advance } = await setup({ publishDelayMs: 5_000 });

    const kid = await issuer.rotate();
    const published = await issuer.jwks();
    const pending = await issuer.issue(CLAIMS).catch(error => error);
    advance(2_000);
    const stillPending = await issuer.issue(CLAIMS).catch(error => error);
    advance(3_000);
    const token = await issuer.issue(CLAIMS);

    expect(published.keys.map(key => key.kid)).toEqual([kid]);
    expect(pending).toBeInstanceOf(SigningKeyPendingError);
    expect(pending.retryAfterSeconds).toBe(5);
    expect(pending.message).toContain(kid);
    expect(stillPending.retryAfterSeconds).toBe(3);
    expect(decodeProtectedHeader(token).kid).toBe(kid);
  });

  it('publishes a key on demand after a missed rotation', async () => {
    const { issuer } = await setup({ publishDelayMs: 5_000 });

    const pending = await issuer.issue(CLAIMS).catch(error => error);
    const published = await issuer.jwks();

    expect(pending).toBeInstanceOf(SigningKeyPendingError);
    expect(pending.retryAfterSeconds).toBe(5);
    expect(published.keys).toHaveLength(1);
  });

  it('keeps signing with the old key until the new one is active', async () => {
    const { issuer } = await setup({ publishDelayMs: 1_000 });
    const oldKid = await issuer.rotate();
    await new Promise(resolve => setTimeout(resolve, 1_100));
    await issuer.issue(CLAIMS);

    const newKid = await issuer.rotate();
    const during = await issuer.issue(CLAIMS);
    await new Promise(resolve => setTimeout(resolve, 1_100));
    const after = await issuer.issue(CLAIMS);

    expect(newKid).not.toBe(oldKid);
    expect(decodeProtectedHeader(during).kid).toBe(oldKid);
    expect(decodeProtectedHeader(after).kid).toBe(newKid);
    await expect(verify(issuer, during)).resolves.toBeDefined();
  });

  it('keeps a retired key published until its tokens expire', async () => {
    const { issuer, advance } = await setup();
    const oldKid = await issuer.rotate();
    advance(300);
    await issuer.issue(CLAIMS);
    advance(49_700);
    const newKid = await issuer.rotate();

    // The old key stops signing after its lifetime; its last token lives
    // for the token lifetime plus the verifiers' leeway.
    advance(60_300 + 90_000 + 150_000 - 50_000 - 1_000);
    await issuer.rotateIfDue(1_000);
    const beforeExpiry = (await issuer.jwks()).keys.map(key => key.kid);
    advance(2_000);
    await issuer.rotateIfDue(1_000);
    const afterExpiry = (await issuer.jwks()).keys.map(key => key.kid);

    expect(beforeExpiry).toContain(oldKid);
    expect(beforeExpiry).toContain(newKid);
    expect(afterExpiry).not.toContain(oldKid);
    expect(afterExpiry).toContain(newKid);
  });

  it('rotates when the signing key nears its end', async () => {
    const { issuer, advance } = await setup();
    const first = await issuer.rotate();

    await issuer.rotateIfDue(10_000);
    const unchanged = (await issuer.jwks()).keys.length;
    advance(50_000);
    await issuer.rotateIfDue(10_000);
    const kids = (await issuer.jwks()).keys.map(key => key.kid);

    expect(unchanged).toBe(1);
    expect(kids).toHaveLength(2);
    expect(kids[0]).toBe(first);
  });

  it('rejects a token lifetime above two minutes', async () => {
    await expect(setup({ tokenLifetimeMs: 121_000 })).rejects.toThrow(
      /at most 120 s/,
    );
  });

  it('describes itself in the discovery document', async () => {
    const { issuer } = await setup();

    expect(issuer.discoveryDocument()).toMatchObject({
      issuer: ISSUER,
      jwks_uri: `${ISSUER}/.well-known/jwks.json`,
      id_token_signing_alg_values_supported: ['ES256'],
    });
  });
});
