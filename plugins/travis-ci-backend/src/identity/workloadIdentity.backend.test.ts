import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { http, passthrough } from 'msw';
import request from 'supertest';
import { HOSTED_API_URL, useTravisSimulator } from '../__testUtils__/simulator';
import {
  startTravisTestBackend,
  TravisTestBackendOptions,
} from '../__testUtils__/startTravisTestBackend';
import { VaultEmulator } from '../credentials/vault/__testUtils__/VaultEmulator';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const JANE = mockCredentials.user.header('user:default/jane');

// The issuers keep the Date.now they find at start-up, so a spy installed
// once for the file lets a test move the time that backend A's rotation
// check sees. It calls through to the real clock otherwise.
const realNow = Date.now.bind(Date);
const clock = jest.spyOn(Date, 'now').mockImplementation(realNow);

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
    'verifies JWTs and sees rotations across backends on %s',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const schedulerA = mockServices.scheduler.mock();
      const start = (features: TravisTestBackendOptions['features'] = []) =>
        startTravisTestBackend({
          travisci: {
            instances: [{ name: 'default', baseUrl: HOSTED_API_URL }],
            credentials: {
              provider: 'vault',
              workloadIdentity: {
                publishDelaySeconds: 0,
                keyLifetimeMinutes: 1,
              },
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
          features: [mockServices.database.factory({ knex }), ...features],
        });
      const a = await start([schedulerA.factory]);
      const b = await start();
      const issuerA = `http://localhost:${a.server.port()}/api/travis-ci`;
      const issuerB = `http://localhost:${b.server.port()}/api/travis-ci`;
      simulator.addToken(`shared-${databaseId}`, ['acme/payments-api']);
      vault.putSecret('group.default.team-a', {
        token: `shared-${databaseId}`,
        repositories: ['acme/*'],
      });
      const listBuilds = (backend: typeof a) =>
        request(backend.server)
          .get(
            '/api/travis-ci/entities/component/default/payments-api/builds?limit=1',
          )
          .set('Authorization', JANE);
      const jwks = async (backend: typeof a) =>
        (
          await request(backend.server).get(
            '/api/travis-ci/.well-known/jwks.json',
          )
        ).body;

      // Vault trusts one backend's issuer but fetches the keys from the
      // other backend's route, which lists every replica's keys from the
      // shared database.
      vault.configureJwt({
        issuer: issuerA,
        jwksUrl: `${issuerB}/.well-known/jwks.json`,
      });
      const loginsBefore = vault.logins.length;
      const fromA = await listBuilds(a);
      const issuedByA = vault.logins.at(-1)?.claims?.iss;
      vault.configureJwt({
        issuer: issuerB,
        jwksUrl: `${issuerA}/.well-known/jwks.json`,
      });
      const fromB = await listBuilds(b);
      const issuedByB = vault.logins.at(-1)?.claims?.iss;
      const keysBeforeRotation = await jwks(b);

      // A's rotation check runs 50 s after start-up, when its one-minute
      // key signs for less than the check interval.
      const rotation = schedulerA.scheduleTask.mock.calls[0][0];
      clock.mockImplementation(() => realNow() + 50_000);
      try {
        await rotation.fn(new AbortController().signal);
      } finally {
        clock.mockImplementation(realNow);
      }
      const keysAfterRotationA = await jwks(a);
      const keysAfterRotationB = await jwks(b);

      expect(fromA.status).toBe(200);
      expect(issuedByA).toBe(issuerA);
      expect(fromB.status).toBe(200);
      expect(issuedByB).toBe(issuerB);
      expect(vault.logins.slice(loginsBefore)).toHaveLength(2);
      expect(keysBeforeRotation.keys).toHaveLength(2);
      expect(keysAfterRotationB.keys).toHaveLength(3);
      expect(keysAfterRotationB.keys).toEqual(
        expect.arrayContaining(keysBeforeRotation.keys),
      );
      expect(keysAfterRotationA).toEqual(keysAfterRotationB);
    },
  );
});
