import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { createWorkloadIdentity } from './createWorkloadIdentity';

jest.setTimeout(30_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('createWorkloadIdentity', () => {
  it('schedules local rotation and opens the well-known routes', async () => {
    const knex = await databases.init('SQLITE_3');
    const scheduler = mockServices.scheduler.mock();
    const httpRouter = mockServices.httpRouter.mock();
    const discovery = mockServices.discovery.mock({
      getExternalBaseUrl: async pluginId =>
        `https://backstage.test/api/${pluginId}`,
    });

    const issuer = await createWorkloadIdentity({
      database: mockServices.database({ knex }),
      scheduler,
      discovery,
      httpRouter,
      logger: mockServices.logger.mock(),
      timings: {
        keyLifetimeMs: 4 * 60_000,
        publishDelayMs: 0,
        tokenLifetimeMs: 60_000,
        verifierLeewayMs: 150_000,
      },
    });

    expect(issuer.issuer).toBe('https://backstage.test/api/travis-ci');
    expect((await issuer.jwks()).keys).toHaveLength(1);
    expect(httpRouter.addAuthPolicy).toHaveBeenCalledTimes(2);
    expect(httpRouter.addAuthPolicy).toHaveBeenCalledWith({
      path: '/.well-known/openid-configuration',
      allow: 'unauthenticated',
    });
    expect(httpRouter.addAuthPolicy).toHaveBeenCalledWith({
      path: '/.well-known/jwks.json',
      allow: 'unauthenticated',
    });
    expect(httpRouter.use).toHaveBeenCalledTimes(1);
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'travis-ci-workload-identity-key-rotation',
        scope: 'local',
        frequency: { milliseconds: 60_000 },
      }),
    );

    // The task publishes nothing while the key has time left.
    const task = scheduler.scheduleTask.mock.calls[0][0];
    await task.fn(new AbortController().signal);

    expect((await issuer.jwks()).keys).toHaveLength(1);
  });
});
