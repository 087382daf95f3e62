import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
} from '@backstage/plugin-permission-common';
import request from 'supertest';
import { startTravisTestBackend } from './__testUtils__/startTravisTestBackend';
import {
  TEST_TRAVIS_CONFIG,
  useTravisSimulator,
} from './__testUtils__/simulator';

const JANE = mockCredentials.user.header('user:default/jane');
const BOB = mockCredentials.user.header('user:default/bob');
const ADMIN = mockCredentials.user.header('user:default/admin');
const SERVICE = mockCredentials.service.header({
  onBehalfOf: mockCredentials.service('external:release-bot'),
  targetPluginId: 'travis-ci',
});
const ENTITY = '/api/travis-ci/entities/component/default';

type TestApp = Awaited<ReturnType<typeof startTravisTestBackend>>['server'];

/** Permissions that deny the named permissions and allow all others. */
function denying(...names: string[]) {
  return mockServices.permissions.mock({
    authorize: jest.fn(async (requests: AuthorizePermissionRequest[]) =>
      requests.map(r => ({
        result: names.includes(r.permission.name)
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
      })),
    ) as any,
  });
}

async function finishedBuildId(app: TestApp, entity = 'payments-api') {
  const list = await request(app)
    .get(`${ENTITY}/${entity}/builds?limit=1&state=passed`)
    .set('Authorization', JANE);
  return list.body.builds[0].id as number;
}

describe('travisCiPlugin access', () => {
  useTravisSimulator();

  it('allows every action to an owner', async () => {
    const { server: app } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });

    const res = await request(app)
      .get(`${ENTITY}/payments-api/actions`)
      .set('Authorization', JANE);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      read: { allowed: true },
      trigger: { allowed: true },
      restart: { allowed: true },
      cancel: { allowed: true },
    });
  });

  it('lets a non-owner read but not act', async () => {
    const { server: app } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });
    const buildId = await finishedBuildId(app);

    const actions = await request(app)
      .get(`${ENTITY}/payments-api/actions`)
      .set('Authorization', BOB);
    const builds = await request(app)
      .get(`${ENTITY}/payments-api/builds`)
      .set('Authorization', BOB);
    const restart = await request(app)
      .post(`${ENTITY}/payments-api/builds/${buildId}/restart`)
      .set('Authorization', BOB);
    const trigger = await request(app)
      .post(`${ENTITY}/payments-api/builds`)
      .set('Authorization', BOB)
      .send({ branch: 'main' });

    expect(actions.body.read).toEqual({ allowed: true });
    expect(actions.body.trigger.allowed).toBe(false);
    expect(actions.body.trigger.reason).toBe(
      'You cannot trigger builds: only owners of component:default/payments-api may do this, and it is owned by group:default/team-a.',
    );
    expect(actions.body.restart.allowed).toBe(false);
    expect(actions.body.cancel.allowed).toBe(false);
    expect(builds.status).toBe(200);
    expect(restart.status).toBe(403);
    expect(restart.body.error.name).toBe('NotAllowedError');
    expect(restart.body.error.message).toBe(
      'You cannot restart builds: only owners of component:default/payments-api may do this, and it is owned by group:default/team-a.',
    );
    expect(trigger.status).toBe(403);
    expect(trigger.body.error.message).toBe(actions.body.trigger.reason);
  });

  it('rejects a non-owner before checking the trigger body', async () => {
    const { server: app } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });

    // A config without mergeMode passes the OpenAPI schema but is rejected
    // by the service, which must check authorization first.
    const trigger = await request(app)
      .post(`${ENTITY}/payments-api/builds`)
      .set('Authorization', BOB)
      .send({ branch: 'main', config: { script: 'true' } });

    expect(trigger.status).toBe(403);
    expect(trigger.body.error.name).toBe('NotAllowedError');
    expect(trigger.body.error.message).not.toContain('mergeMode');
  });

  it('falls back to spec.owner without ownedBy relations', async () => {
    const { server: app } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });

    const owner = await request(app)
      .get(`${ENTITY}/owner-without-relations/actions`)
      .set('Authorization', JANE);
    const other = await request(app)
      .get(`${ENTITY}/owner-without-relations/actions`)
      .set('Authorization', BOB);

    expect(owner.body.trigger).toEqual({ allowed: true });
    expect(other.body.trigger.allowed).toBe(false);
    expect(other.body.trigger.reason).toContain('group:default/team-a');
  });

  it('lets a non-owner act when ownership is not required', async () => {
    const { server: app } = await startTravisTestBackend({
      travisci: { ...TEST_TRAVIS_CONFIG, actions: { requireOwnership: false } },
    });
    const buildId = await finishedBuildId(app);

    const actions = await request(app)
      .get(`${ENTITY}/payments-api/actions`)
      .set('Authorization', BOB);
    const restart = await request(app)
      .post(`${ENTITY}/payments-api/builds/${buildId}/restart`)
      .set('Authorization', BOB);

    expect(actions.body.restart).toEqual({ allowed: true });
    expect(restart.status).toBe(202);
  });

  it('lets a service principal read but not act by default', async () => {
    const { server: app } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });
    const buildId = await finishedBuildId(app);

    const builds = await request(app)
      .get(`${ENTITY}/payments-api/builds`)
      .set('Authorization', SERVICE);
    const actions = await request(app)
      .get(`${ENTITY}/payments-api/actions`)
      .set('Authorization', SERVICE);
    const restart = await request(app)
      .post(`${ENTITY}/payments-api/builds/${buildId}/restart`)
      .set('Authorization', SERVICE);

    expect(builds.status).toBe(200);
    expect(actions.body.read).toEqual({ allowed: true });
    expect(actions.body.cancel.reason).toBe(
      'You cannot cancel builds: service principals may only read builds unless travisci.actions.allowServicePrincipals is true.',
    );
    expect(restart.status).toBe(403);
    expect(restart.body.error.message).toContain('allowServicePrincipals');
  });

  it('lets a service principal act when allowed', async () => {
    const { server: app } = await startTravisTestBackend({
      travisci: {
        ...TEST_TRAVIS_CONFIG,
        actions: { allowServicePrincipals: true },
      },
    });

    const actions = await request(app)
      .get(`${ENTITY}/payments-api/actions`)
      .set('Authorization', SERVICE);
    const trigger = await request(app)
      .post(`${ENTITY}/payments-api/builds`)
      .set('Authorization', SERVICE)
      .send({ branch: 'main' });

    expect(actions.body.trigger).toEqual({ allowed: true });
    expect(trigger.status).toBe(202);
    expect(trigger.body.message).toBe(
      'Triggered from Backstage by service:external:release-bot',
    );
  });

  it('applies a policy deny to the action routes and /actions alike', async () => {
    const permissions = denying('travis-ci.build.trigger');
    const { server: app } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
      permissions,
    });

    const actions = await request(app)
      .get(`${ENTITY}/payments-api/actions`)
      .set('Authorization', JANE);
    const trigger = await request(app)
      .post(`${ENTITY}/payments-api/builds`)
      .set('Authorization', JANE)
      .send({ branch: 'main' });

    expect(actions.body.trigger).toEqual({
      allowed: false,
      reason:
        'The permission policy denies travis-ci.build.trigger on component:default/payments-api.',
    });
    expect(actions.body.restart).toEqual({ allowed: true });
    expect(trigger.status).toBe(403);
    expect(trigger.body.error.message).toBe(actions.body.trigger.reason);
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        expect.objectContaining({
          permission: expect.objectContaining({
            name: 'travis-ci.build.trigger',
          }),
          resourceRef: 'component:default/payments-api',
        }),
      ],
      expect.anything(),
    );
  });

  it('applies a policy deny to the read routes', async () => {
    const { server: app } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
      permissions: denying('travis-ci.build.read'),
    });

    for (const path of ['builds', 'branches', 'builds/1', 'jobs/1/log']) {
      const res = await request(app)
        .get(`${ENTITY}/payments-api/${path}`)
        .set('Authorization', JANE);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain('travis-ci.build.read');
    }
  });

  it('registers the permissions with the registry', async () => {
    const { server: app } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });

    const res = await request(app).get(
      '/api/travis-ci/.well-known/backstage/permissions/metadata',
    );

    expect(res.status).toBe(200);
    expect(
      res.body.permissions.map((p: { name: string }) => p.name).sort(),
    ).toEqual([
      'travis-ci.build.cancel',
      'travis-ci.build.read',
      'travis-ci.build.restart',
      'travis-ci.build.trigger',
    ]);
    for (const permission of res.body.permissions) {
      expect(permission.resourceType).toBe('catalog-entity');
    }
  });

  it('returns 404 for an entity the caller cannot see', async () => {
    const { server: app } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });

    const hidden = await request(app)
      .get(`${ENTITY}/hidden-service/builds`)
      .set('Authorization', JANE);
    const visible = await request(app)
      .get(`${ENTITY}/hidden-service/builds`)
      .set('Authorization', ADMIN);
    const missing = await request(app)
      .get(`${ENTITY}/no-such-entity/builds`)
      .set('Authorization', JANE);

    expect(hidden.status).toBe(404);
    expect(hidden.body.error.message).toBe(
      'Entity component:default/hidden-service was not found, or you may not see it.',
    );
    expect(visible.status).toBe(200);
    expect(missing.status).toBe(404);
  });

  it('rejects requests without credentials', async () => {
    const { server: app } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });

    const res = await request(app)
      .get(`${ENTITY}/payments-api/builds`)
      .set('Authorization', mockCredentials.none.header());

    expect(res.status).toBe(401);
  });

  it('reports a missing annotation', async () => {
    const { server: app } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });

    const res = await request(app)
      .get(`${ENTITY}/no-annotation/builds`)
      .set('Authorization', JANE);

    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('annotation-missing');
    expect(res.body.error.message).toContain('travis-ci.com/repo-slug');
  });

  it('reports a malformed annotation', async () => {
    const { server: app } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });

    const res = await request(app)
      .get(`${ENTITY}/bad-annotation/actions`)
      .set('Authorization', JANE);

    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.code).toBe('annotation-invalid');
    expect(res.body.error.message).toContain('acme/payments-api/extra');
  });

  it('reports an unknown instance annotation', async () => {
    const { server: app } = await startTravisTestBackend({
      travisci: TEST_TRAVIS_CONFIG,
    });

    const res = await request(app)
      .get(`${ENTITY}/unknown-instance/builds`)
      .set('Authorization', JANE);

    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('instance-not-configured');
    expect(res.body.error.message).toContain('"nowhere"');
    expect(res.body.error.message).not.toContain('travis.example.com');
  });

  it('fails to start without travisci config', async () => {
    await expect(startTravisTestBackend({})).rejects.toThrow(
      /Missing travisci config/,
    );
  });

  it('fails to start with a malformed config naming the key', async () => {
    await expect(
      startTravisTestBackend({
        travisci: { instances: [{ name: 'default', baseUrl: 'not a url' }] },
      }),
    ).rejects.toThrow(/travisci\.instances\[0\]\.baseUrl/);
  });

  it('fails to start without a token for the static provider', async () => {
    await expect(
      startTravisTestBackend({
        travisci: { baseUrl: 'https://api.travis-ci.com' },
      }),
    ).rejects.toThrow(/Missing travisci token config .*"default"/);
  });
});
