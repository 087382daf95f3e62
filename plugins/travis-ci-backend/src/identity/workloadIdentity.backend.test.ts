import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { http, passthrough } from 'msw';
import request from 'supertest';
import { HOSTED_API_URL, useTravisSimulator } from '../__testUtils__/simulator';
import { startTravisTestBackend } from '../__testUtils__/startTravisTestBackend';
import { VaultEmulator } from '../credentials/vault/__testUtils__/VaultEmulator';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const JANE = mockCredentials.user.header('user:default/jane');

describe('workload identity across two backends', () => {
  const { simulator } = useTravisSimulator([
    http.all(/^http:\/\/localhost:\d+\//, () => passthrough()),
  ]);
  const vault = new VaultEmulator();

  beforeAll(async () => {
    vault.jwtRoles.set('travis', {
      boundAudiences: ['vault.test/travis'],
      userClaim: 'sub',
      tokenTtl: 120,
    });
    await vault.start();
  });

  afterAll(async () => {
    await vault.stop();
  });

  it.each(databases.eachSupportedId())(
    'verifies one backend JWT through the other JWKS on %s',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const start = () =>
        startTravisTestBackend({
          travisci: {
            instances: [{ name: 'default', baseUrl: HOSTED_API_URL }],
            credentials: {
              provider: 'vault',
              workloadIdentity: { publishDelaySeconds: 0 },
              vault: {
                baseUrl: vault.url,
                auth: {
                  method: 'jwt',
                  role: 'travis',
                  audience: 'vault.test/travis',
                },
              },
            },
          },
          features: [mockServices.database.factory({ knex })],
        });
      const a = await start();
      const b = await start();
      const issuerA = `http://localhost:${a.server.port()}/api/travis-ci`;
      const jwksB = `http://localhost:${b.server.port()}/api/travis-ci/.well-known/jwks.json`;
      simulator.addToken(`shared-${databaseId}`, ['acme/payments-api']);
      vault.putSecret('group.default.team-a', {
        token: `shared-${databaseId}`,
        repositories: ['acme/*'],
      });

      // Vault trusts A's issuer but fetches the keys from B's route, which
      // lists every replica's keys from the shared database.
      vault.configureJwt({ issuer: issuerA, jwksUrl: jwksB });
      const res = await request(a.server)
        .get(
          '/api/travis-ci/entities/component/default/payments-api/builds?limit=1',
        )
        .set('Authorization', JANE);
      const keysA = await request(a.server).get(
        '/api/travis-ci/.well-known/jwks.json',
      );
      const keysB = await request(b.server).get(
        '/api/travis-ci/.well-known/jwks.json',
      );

      expect(res.status).toBe(200);
      expect(vault.logins.at(-1)?.claims?.iss).toBe(issuerA);
      expect(keysA.body.keys).toHaveLength(2);
      expect(keysB.body).toEqual(keysA.body);
    },
  );
});
