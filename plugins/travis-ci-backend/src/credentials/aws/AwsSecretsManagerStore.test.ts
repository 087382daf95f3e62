import { TestDatabases } from '@backstage/backend-test-utils';
import { startTestIssuer } from '../../identity/__testUtils__/startTestIssuer';
import { CapturingLogger } from '../../__testUtils__/CapturingLogger';
import { OwnerScopedCredentialsProvider } from '../owner/OwnerScopedCredentialsProvider';
import {
  AwsEmulator,
  DEFAULT_CHAIN_ACCESS_KEY,
} from './__testUtils__/AwsEmulator';
import { AwsAuth, AwsSecretsManagerStore } from './AwsSecretsManagerStore';

jest.setTimeout(30_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const ROLE_ARN = 'arn:aws:iam::111122223333:role/backstage-travis';

const TEAM_A = {
  ownerRef: 'group:default/team-a',
  ownerSlug: 'group.default.team-a',
  entityRef: 'component:default/payments',
  repository: 'acme/payments-api',
};
const TEAM_B = {
  ownerRef: 'group:default/team-b',
  ownerSlug: 'group.default.team-b',
  entityRef: 'component:default/web',
  repository: 'acme/web-frontend',
};

describe('AwsSecretsManagerStore', () => {
  const aws = new AwsEmulator();
  let testIssuer: Awaited<ReturnType<typeof startTestIssuer>>;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    await aws.start();
    testIssuer = await startTestIssuer(databases);
    aws.trustIssuer({
      issuer: testIssuer.issuer.issuer,
      jwksUrl: testIssuer.jwksUrl,
      roleArn: ROLE_ARN,
      audience: 'sts.amazonaws.com',
      prefix: 'travis',
    });
    aws.putSecret('travis/group.default.team-a', {
      token: 'travis-a-1',
      repositories: ['acme/payments-*'],
    });
    aws.putSecret('travis/group.default.team-b', {
      token: 'travis-b-1',
      repositories: ['acme/web-*'],
    });
    // The default credential chain finds these, as on a host with an
    // instance role.
    process.env.AWS_ACCESS_KEY_ID = DEFAULT_CHAIN_ACCESS_KEY;
    process.env.AWS_SECRET_ACCESS_KEY = 'default-chain-secret';
  });

  afterAll(async () => {
    process.env = savedEnv;
    await aws.stop();
    await testIssuer.stop();
  });

  beforeEach(() => {
    aws.assumed.length = 0;
    aws.reads.length = 0;
    aws.failing = false;
  });

  function createStore(
    auth: AwsAuth | 'webIdentity',
    audience = 'sts.amazonaws.com',
  ) {
    return new AwsSecretsManagerStore({
      region: 'eu-west-1',
      endpoint: aws.url,
      prefix: 'travis',
      timeoutMs: 2_000,
      logger: new CapturingLogger(),
      auth:
        auth === 'webIdentity'
          ? {
              method: 'webIdentity',
              roleArn: ROLE_ARN,
              audience,
              sessionDurationSeconds: 900,
              stsEndpoint: aws.url,
              issuer: testIssuer.issuer,
            }
          : auth,
    });
  }

  it('reads with the default credential chain', async () => {
    const store = createStore({ method: 'default' });

    const secret = await store.read(TEAM_A);

    expect(secret.value).toEqual({
      token: 'travis-a-1',
      repositories: ['acme/payments-*'],
    });
    expect(secret.version).toMatch(/^[0-9a-f-]{36}$/);
    expect(aws.reads).toEqual([
      {
        secretId: 'travis/group.default.team-a',
        accessKeyId: DEFAULT_CHAIN_ACCESS_KEY,
      },
    ]);
  });

  it('assumes one session per owner with web identity', async () => {
    const store = createStore('webIdentity');

    await store.read(TEAM_A);
    await store.read(TEAM_B);
    await store.read(TEAM_A);

    expect(aws.assumed.map(call => call.roleSessionName)).toEqual([
      'travis-group.default.team-a',
      'travis-group.default.team-b',
    ]);
    expect(aws.assumed[0].claims).toMatchObject({
      iss: testIssuer.issuer.issuer,
      sub: 'group.default.team-a',
      aud: 'sts.amazonaws.com',
      owner_ref: 'group:default/team-a',
      entity_ref: 'component:default/payments',
      repo_slug: 'acme/payments-api',
      'https://aws.amazon.com/tags': {
        principal_tags: { owner: ['group.default.team-a'] },
        transitive_tag_keys: ['owner'],
      },
    });
    expect(aws.reads).toHaveLength(3);
    expect(aws.reads[0].accessKeyId).toBe(aws.reads[2].accessKeyId);
    expect(aws.reads[0].accessKeyId).not.toBe(aws.reads[1].accessKeyId);
  });

  it('reports a trust policy mismatch as denied', async () => {
    const error = await createStore('webIdentity', 'another-audience')
      .read(TEAM_A)
      .catch(e => e);

    expect(error.kind).toBe('denied');
    expect(error.message).toContain('AccessDenied');
    expect(error.message).toContain(ROLE_ARN);
  });

  it('reports a missing secret as not found', async () => {
    const error = await createStore({ method: 'default' })
      .read({ ...TEAM_A, ownerSlug: 'group.default.team-c' })
      .catch(e => e);

    expect(error.kind).toBe('not-found');
    expect(error.message).toContain('ResourceNotFoundException');
  });

  it('reports a server error as unavailable', async () => {
    aws.failing = true;

    const error = await createStore({ method: 'default' })
      .read(TEAM_A)
      .catch(e => e);

    expect(error.kind).toBe('unavailable');
  });

  it('reports an unreachable endpoint as unavailable', async () => {
    const store = new AwsSecretsManagerStore({
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:1',
      prefix: 'travis',
      timeoutMs: 1_000,
      logger: new CapturingLogger(),
      auth: { method: 'default' },
    });

    await expect(store.read(TEAM_A)).rejects.toMatchObject({
      kind: 'unavailable',
    });
  });

  it('rejects a secret string that is not JSON', async () => {
    aws.putSecretString('travis/group.default.team-e', 'plain-token-e');

    const error = await createStore({ method: 'default' })
      .read({ ...TEAM_A, ownerSlug: 'group.default.team-e' })
      .catch(e => e);

    expect(error.kind).toBe('invalid');
    expect(error.message).toContain('is not JSON');
    expect(error.message).not.toContain('plain-token-e');
  });

  it('rejects a JSON value without the token fields', async () => {
    aws.putSecret('travis/group.default.team-d', 'plain-token');
    const store = createStore({ method: 'default' });

    const provider = new OwnerScopedCredentialsProvider({
      store,
      logger: new CapturingLogger(),
      cache: {
        softTtlMs: 60_000,
        maxAgeMs: 600_000,
        rejectedRecheckMs: 10_000,
      },
    });
    const error = await provider
      .getCredentials({
        instance: {
          name: 'default',
          baseUrl: 'http://127.0.0.1:1',
          webUrl: 'http://127.0.0.1:1',
        },
        entity: {} as any,
        entityRef: 'component:default/d',
        ownerRef: 'group:default/team-d',
        repository: { owner: 'acme', name: 'd' },
      })
      .catch(e => e);

    expect(error.code).toBe('credentials-unavailable');
    expect(error.message).toContain('must be a JSON object');
    expect(error.message).not.toContain('plain-token');
  });

  it('picks up a new version through the provider after a rejection', async () => {
    const logger = new CapturingLogger();
    const provider = new OwnerScopedCredentialsProvider({
      store: createStore('webIdentity'),
      logger,
      cache: {
        softTtlMs: 60_000,
        maxAgeMs: 600_000,
        rejectedRecheckMs: 10_000,
      },
    });
    const request = {
      instance: {
        name: 'default',
        baseUrl: 'http://127.0.0.1:1',
        webUrl: 'http://127.0.0.1:1',
      },
      entity: {} as any,
      entityRef: 'component:default/payments',
      ownerRef: 'group:default/team-a',
      repository: { owner: 'acme', name: 'payments-api' },
    };
    const first = await provider.getCredentials(request);
    aws.putSecret('travis/group.default.team-a', {
      token: 'travis-a-2',
      repositories: ['acme/payments-*'],
    });

    await provider.reportRejected(request, first);
    const second = await provider.getCredentials(request);

    expect(first.token).toBe('travis-a-1');
    expect(second.token).toBe('travis-a-2');
    expect(logger.text()).not.toMatch(/travis-a-[12]/);
  });
});
