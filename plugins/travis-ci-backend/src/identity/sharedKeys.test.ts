import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { IdentityKeyStore } from './IdentityKeyStore';
import { migrateDatabase } from './migrateDatabase';
import { WorkloadIdentityIssuer } from './WorkloadIdentityIssuer';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const ISSUER = 'http://backstage.test/api/travis-ci';
const CLAIMS = {
  audience: 'vault.test/travis',
  ownerRef: 'group:default/team-a',
  ownerSlug: 'group.default.team-a',
  entityRef: 'component:default/payments',
  repository: 'acme/payments-api',
};

async function replicas(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  const create = async () =>
    new WorkloadIdentityIssuer({
      issuer: ISSUER,
      store: new IdentityKeyStore(
        await migrateDatabase(mockServices.database({ knex })),
      ),
      logger: mockServices.logger.mock(),
      timings: {
        keyLifetimeMs: 3_600_000,
        publishDelayMs: 500,
        tokenLifetimeMs: 60_000,
        verifierLeewayMs: 150_000,
      },
    });
  return [await create(), await create()] as const;
}

async function verifyWith(verifier: WorkloadIdentityIssuer, token: string) {
  return jwtVerify(token, createLocalJWKSet(await verifier.jwks()), {
    algorithms: ['ES256'],
    issuer: ISSUER,
    audience: CLAIMS.audience,
  });
}

describe('workload identity keys shared by replicas', () => {
  it.each(databases.eachSupportedId())(
    'verify each other and see rotations on %s',
    async databaseId => {
      const [a, b] = await replicas(databaseId);
      const firstA = await a.rotate();
      await b.rotate();
      await new Promise(resolve => setTimeout(resolve, 600));

      const tokenA = await a.issue(CLAIMS);
      const tokenB = await b.issue(CLAIMS);
      const verifiedByB = await verifyWith(b, tokenA);
      const verifiedByA = await verifyWith(a, tokenB);

      expect(verifiedByB.payload.sub).toBe('group.default.team-a');
      expect(verifiedByA.payload.sub).toBe('group.default.team-a');
      expect((await b.jwks()).keys).toHaveLength(2);

      // A rotation on A is visible in B's JWKS before A signs with the key.
      const secondA = await a.rotate();
      const seenByB = (await b.jwks()).keys.map(key => key.kid);
      const duringPublishDelay = await a.issue(CLAIMS);
      await new Promise(resolve => setTimeout(resolve, 600));
      const afterRotation = await a.issue(CLAIMS);

      expect(seenByB).toContain(secondA);
      expect(seenByB).toContain(firstA);
      expect(decodeProtectedHeader(duringPublishDelay).kid).toBe(firstA);
      expect(decodeProtectedHeader(afterRotation).kid).toBe(secondA);
      await expect(verifyWith(b, afterRotation)).resolves.toBeDefined();
      await expect(verifyWith(b, duringPublishDelay)).resolves.toBeDefined();
    },
  );
});
