import { mockCredentials } from '@backstage/backend-test-utils';
import { http, passthrough } from 'msw';
import request from 'supertest';
import {
  HOSTED_API_URL,
  useTravisSimulator,
} from '../../__testUtils__/simulator';
import { auditText } from '../../__testUtils__/auditText';
import { startTravisTestBackend } from '../../__testUtils__/startTravisTestBackend';
import { VaultEmulator } from './__testUtils__/VaultEmulator';

jest.setTimeout(60_000);

const JANE = mockCredentials.user.header('user:default/jane');
// Without an Authorization header the test backend assumes a user, so
// requests without credentials send this header.
const ANONYMOUS = mockCredentials.none.header();
const ENTITY = '/api/travis-ci/entities/component/default';
const TEAM_A = 'group.default.team-a';
const TEAM_B = 'group.default.team-b';

describe('travisCiPlugin with Vault credentials', () => {
  // The emulated Vault fetches the JWKS from the test backend on localhost.
  const { simulator } = useTravisSimulator([
    http.all(/^http:\/\/localhost:\d+\//, () => passthrough()),
  ]);
  let vault: VaultEmulator;

  beforeEach(async () => {
    vault = new VaultEmulator();
    vault.jwtRoles.set('travis', {
      boundAudiences: ['vault.test/travis'],
      userClaim: 'sub',
      tokenTtl: 120,
    });
    await vault.start();
  });

  afterEach(async () => {
    await vault.stop();
  });

  async function start(cache: object = {}, publishDelaySeconds = 0) {
    const backend = await startTravisTestBackend({
      travisci: {
        instances: [{ name: 'default', baseUrl: HOSTED_API_URL }],
        credentials: {
          provider: 'vault',
          cache: { rejectedRecheckSeconds: 0, ...cache },
          workloadIdentity: { publishDelaySeconds },
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
    });
    const issuer = `http://localhost:${backend.server.port()}/api/travis-ci`;
    vault.configureJwt({ issuer, jwksUrl: `${issuer}/.well-known/jwks.json` });
    return { ...backend, issuer };
  }

  function listBuilds(
    app: Awaited<ReturnType<typeof start>>['server'],
    entity: string,
  ) {
    return request(app)
      .get(`${ENTITY}/${entity}/builds?limit=1`)
      .set('Authorization', JANE);
  }

  it('reads builds with the owner token after a verified JWT login', async () => {
    simulator.addToken('vault-team-a-1', ['acme/payments-api']);
    vault.putSecret(TEAM_A, {
      token: 'vault-team-a-1',
      repositories: ['acme/payments-*'],
    });
    const { server: app, issuer } = await start();

    const res = await listBuilds(app, 'payments-api');

    expect(res.status).toBe(200);
    expect(res.body.builds).toHaveLength(1);
    expect(vault.logins).toHaveLength(1);
    expect(vault.logins[0].claims).toMatchObject({
      iss: issuer,
      sub: TEAM_A,
      aud: 'vault.test/travis',
      owner_ref: 'group:default/team-a',
      entity_ref: 'component:default/payments-api',
      repo_slug: 'acme/payments-api',
    });
    const { exp, iat } = vault.logins[0].claims!;
    expect(exp! - iat!).toBeLessThanOrEqual(120);
  });

  it('serves the discovery document and JWKS without credentials', async () => {
    const { server: app, issuer } = await start();

    const discovery = await request(app)
      .get('/api/travis-ci/.well-known/openid-configuration')
      .set('Authorization', ANONYMOUS);
    const jwks = await request(app)
      .get('/api/travis-ci/.well-known/jwks.json')
      .set('Authorization', ANONYMOUS);

    expect(discovery.status).toBe(200);
    expect(discovery.body.issuer).toBe(issuer);
    expect(discovery.body.jwks_uri).toBe(`${issuer}/.well-known/jwks.json`);
    expect(discovery.headers['cache-control']).toBe('public, max-age=0');
    expect(jwks.status).toBe(200);
    expect(jwks.body.keys).toHaveLength(1);
    expect(jwks.body.keys[0]).toMatchObject({
      kty: 'EC',
      crv: 'P-256',
      alg: 'ES256',
      use: 'sig',
    });
    expect(jwks.body.keys[0].d).toBeUndefined();
  });

  it('requires credentials for other well-known paths', async () => {
    const { server: app } = await start();

    const anonymous = await request(app)
      .get('/api/travis-ci/.well-known/other-document')
      .set('Authorization', ANONYMOUS);
    const authenticated = await request(app)
      .get('/api/travis-ci/.well-known/other-document')
      .set('Authorization', JANE);

    expect(anonymous.status).toBe(401);
    expect(authenticated.status).toBe(404);
  });

  it('answers 503 with a retry time while the first key is pending', async () => {
    simulator.addToken('vault-team-a-1', ['acme/payments-api']);
    vault.putSecret(TEAM_A, {
      token: 'vault-team-a-1',
      repositories: ['acme/*'],
    });
    const { server: app } = await start({}, 30);

    // Start-up has published the key, which signs once 30 s have passed.
    const jwks = await request(app)
      .get('/api/travis-ci/.well-known/jwks.json')
      .set('Authorization', ANONYMOUS);
    const res = await listBuilds(app, 'payments-api');

    expect(jwks.body.keys).toHaveLength(1);
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('credentials-unavailable');
    expect(res.body.error.retryAfterSeconds).toBeGreaterThan(20);
    expect(res.body.error.retryAfterSeconds).toBeLessThanOrEqual(30);
    expect(res.body.error.message).toContain(
      `No Travis CI token for owner group:default/team-a yet`,
    );
    expect(res.body.error.message).toContain(
      `Retry in ${res.body.error.retryAfterSeconds} seconds.`,
    );
    expect(vault.logins).toHaveLength(0);
  });

  it('rejects a repository outside the owner patterns', async () => {
    vault.putSecret(TEAM_A, {
      token: 'vault-team-a-1',
      repositories: ['acme/payments-*'],
    });
    const { server: app } = await start();

    const res = await listBuilds(app, 'web-frontend');

    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
    expect(res.body.error.code).toBe('repository-not-allowed');
    expect(res.body.error.message).toContain('group:default/team-a');
    expect(res.body.error.message).toContain('acme/web-frontend');
  });

  it('picks up a new secret version after a revocation without a failed call', async () => {
    simulator.addToken('vault-team-a-1', ['acme/payments-api']);
    simulator.addToken('vault-team-a-2', ['acme/payments-api']);
    vault.putSecret(TEAM_A, {
      token: 'vault-team-a-1',
      repositories: ['acme/*'],
    });
    const { server: app } = await start();
    await listBuilds(app, 'payments-api');

    simulator.revokeToken('vault-team-a-1');
    vault.putSecret(TEAM_A, {
      token: 'vault-team-a-2',
      repositories: ['acme/*'],
    });
    const res = await listBuilds(app, 'payments-api');

    expect(res.status).toBe(200);
    expect(vault.reads).toEqual([TEAM_A, TEAM_A]);
  });

  it('fails closed on a revoked token until the store has a new one', async () => {
    simulator.addToken('vault-team-a-1', ['acme/payments-api']);
    simulator.addToken('vault-team-a-2', ['acme/payments-api']);
    vault.putSecret(TEAM_A, {
      token: 'vault-team-a-1',
      repositories: ['acme/*'],
    });
    const { server: app, logger } = await start();
    const statuses = [(await listBuilds(app, 'payments-api')).status];

    simulator.revokeToken('vault-team-a-1');
    const failed = await listBuilds(app, 'payments-api');
    vault.putSecret(TEAM_A, {
      token: 'vault-team-a-2',
      repositories: ['acme/*'],
    });
    statuses.push(
      failed.status,
      (await listBuilds(app, 'payments-api')).status,
    );

    expect(statuses).toEqual([200, 502, 200]);
    expect(failed.body.error.code).toBe('token-rejected');
    expect(failed.body.error.message).toContain(
      'The Travis CI token of owner group:default/team-a is invalid',
    );
    expect(logger.text()).not.toContain('vault-team-a-');
  });

  it('answers 503 naming Vault while it is sealed and nothing is cached', async () => {
    vault.putSecret(TEAM_B, {
      token: 'vault-team-b-1',
      repositories: ['acme/*'],
    });
    const { server: app, logger } = await start();
    vault.sealed = true;

    const res = await listBuilds(app, 'inventory-service');

    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('credentials-unavailable');
    expect(res.body.error.message).toBe(
      'No Travis CI token for owner group:default/team-b: HashiCorp Vault is unavailable. Try again in a few minutes; if this persists, ask the Backstage operators to check HashiCorp Vault.',
    );
    expect(res.text).not.toContain(vault.url);
    expect(res.text).not.toContain(new URL(vault.url).host);
    expect(res.text).not.toContain(`travis/${TEAM_B}`);
    expect(logger.text()).toContain(
      `secret/data/travis/${TEAM_B} in Vault at ${vault.url}`,
    );
    expect(logger.text()).toContain('Vault is sealed');
  });

  it('keeps the Vault address and path out of a 403 body', async () => {
    vault.putSecret(TEAM_A, {
      token: 'vault-team-a-1',
      repositories: ['acme/payments-*'],
    });
    const { server: app } = await start();

    const res = await listBuilds(app, 'web-frontend');

    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('HashiCorp Vault');
    expect(res.text).not.toContain(new URL(vault.url).host);
    expect(res.text).not.toContain(`travis/${TEAM_A}`);
  });

  it('keeps the Vault address and path out of a 502 body', async () => {
    simulator.addToken('vault-team-a-1', ['acme/payments-api']);
    vault.putSecret(TEAM_A, {
      token: 'vault-team-a-1',
      repositories: ['acme/*'],
    });
    const { server: app } = await start();
    await listBuilds(app, 'payments-api');
    simulator.revokeToken('vault-team-a-1');

    const res = await listBuilds(app, 'payments-api');

    expect(res.status).toBe(502);
    expect(res.body.error.message).toContain(
      "the owner's secret in HashiCorp Vault still holds the same token",
    );
    expect(res.text).not.toContain(new URL(vault.url).host);
    expect(res.text).not.toContain(`travis/${TEAM_A}`);
  });

  it('keeps serving a cached token while Vault is sealed', async () => {
    simulator.addToken('vault-team-b-1', ['acme/inventory-service']);
    vault.putSecret(TEAM_B, {
      token: 'vault-team-b-1',
      repositories: ['acme/*'],
    });
    const { server: app } = await start({ softTtlSeconds: 1 });
    await listBuilds(app, 'inventory-service');
    vault.sealed = true;
    await new Promise(resolve => setTimeout(resolve, 1_100));

    const res = await listBuilds(app, 'inventory-service');

    expect(res.status).toBe(200);
    expect(vault.reads).toEqual([TEAM_B]);
  });

  it('keeps owner tokens out of responses, logs and audit events', async () => {
    const tokens = ['vault-team-a-1', 'vault-team-a-2'];
    simulator.addToken(tokens[0], ['acme/payments-api']);
    simulator.addToken(tokens[1], ['acme/payments-api']);
    vault.putSecret(TEAM_A, {
      token: tokens[0],
      repositories: ['acme/payments-*'],
    });
    const { server: app, logger, auditor } = await start();
    const texts: string[] = [];
    async function call(method: 'get' | 'post', path: string, body?: object) {
      const pending = request(app)
        [method](`${ENTITY}/${path}`)
        .set('Authorization', JANE);
      const res = await (body ? pending.send(body) : pending);
      texts.push(res.text, JSON.stringify(res.headers));
      return res;
    }

    await call('get', 'payments-api/builds?limit=1');
    await call('post', 'payments-api/builds', { branch: 'main' });
    await call('get', 'web-frontend/builds');
    simulator.revokeToken(tokens[0]);
    const rejected = await call('post', 'payments-api/builds', {
      branch: 'main',
    });
    vault.putSecret(TEAM_A, {
      token: tokens[1],
      repositories: ['acme/payments-*'],
    });
    const recovered = await call('post', 'payments-api/builds', {
      branch: 'main',
    });
    vault.sealed = true;
    await call('get', 'inventory-service/builds');

    expect(rejected.status).toBe(502);
    expect(recovered.status).toBe(202);
    const audited = await auditText(auditor);
    for (const token of tokens) {
      expect(texts.join('\n')).not.toContain(token);
      expect(logger.text()).not.toContain(token);
      expect(audited).not.toContain(token);
    }
    expect(audited).toContain('token-rejected');
    expect(audited).toContain(
      'The Travis CI token of owner group:default/team-a is invalid',
    );
  });
});
