import { ConfigReader } from '@backstage/config';
import { JsonValue } from '@backstage/types';
import { readCredentialsConfig } from './readCredentialsConfig';

function read(credentials: JsonValue) {
  return readCredentialsConfig(new ConfigReader({ travisci: { credentials } }));
}

describe('readCredentialsConfig', () => {
  it('defaults to the static provider', () => {
    const config = readCredentialsConfig(new ConfigReader({}));

    expect(config).toMatchObject({
      provider: 'static',
      owners: [],
      cache: {
        softTtlMs: 300_000,
        maxAgeMs: 3_600_000,
        rejectedRecheckMs: 30_000,
      },
      workloadIdentity: {
        keyLifetimeMs: 3_600_000,
        publishDelayMs: 60_000,
        tokenLifetimeMs: 90_000,
        verifierLeewayMs: 150_000,
      },
    });
  });

  it('reads static owner tokens', () => {
    const config = read({
      static: {
        owners: [
          {
            ownerRef: 'Group:default/Team-A',
            token: 't-a',
            repositories: ['acme/*'],
          },
          { ownerRef: 'group:default/team-b', token: 't-b' },
        ],
      },
    });

    expect(config).toMatchObject({
      provider: 'static',
      owners: [
        {
          ownerRef: 'group:default/team-a',
          token: 't-a',
          repositories: ['acme/*'],
        },
        { ownerRef: 'group:default/team-b', token: 't-b' },
      ],
    });
  });

  it('reads Vault with JWT auth and defaults', () => {
    const config = read({
      provider: 'vault',
      vault: {
        baseUrl: 'https://vault.example.com/',
        auth: {
          method: 'jwt',
          role: 'travis',
          audience: 'vault.example.com/travis',
        },
      },
    });

    expect(config).toMatchObject({
      provider: 'vault',
      vault: {
        baseUrl: 'https://vault.example.com',
        kvMount: 'secret',
        prefix: 'travis',
        timeoutMs: 5_000,
        auth: {
          method: 'jwt',
          mount: 'jwt',
          role: 'travis',
          audience: 'vault.example.com/travis',
        },
      },
    });
  });

  it('reads Vault with Kubernetes auth', () => {
    const config = read({
      provider: 'vault',
      vault: {
        baseUrl: 'https://vault.example.com',
        prefix: 'teams/travis',
        auth: { method: 'kubernetes', role: 'backstage' },
      },
    });

    expect(config).toMatchObject({
      vault: {
        prefix: 'teams/travis',
        auth: {
          method: 'kubernetes',
          mount: 'kubernetes',
          tokenPath: '/var/run/secrets/kubernetes.io/serviceaccount/token',
        },
      },
    });
  });

  it('reads AWS with web identity', () => {
    const config = read({
      provider: 'aws-secrets-manager',
      awsSecretsManager: {
        region: 'eu-west-1',
        auth: {
          method: 'webIdentity',
          roleArn: 'arn:aws:iam::111122223333:role/travis',
        },
      },
    });

    expect(config).toMatchObject({
      provider: 'aws-secrets-manager',
      aws: {
        region: 'eu-west-1',
        prefix: 'travis',
        auth: {
          method: 'webIdentity',
          audience: 'sts.amazonaws.com',
          sessionDurationSeconds: 900,
        },
      },
    });
  });

  it.each([
    [
      { provider: 'ldap' },
      'Invalid travisci.credentials.provider config "ldap"',
    ],
    [{ provider: 'vault' }, 'Missing travisci.credentials.vault config'],
    [
      { provider: 'vault', vault: { auth: { method: 'token', token: 't' } } },
      'Missing travisci.credentials.vault.baseUrl config',
    ],
    [
      {
        provider: 'vault',
        vault: {
          baseUrl: 'ftp://vault',
          auth: { method: 'token', token: 't' },
        },
      },
      'Invalid travisci.credentials.vault.baseUrl config "ftp://vault"',
    ],
    [
      {
        provider: 'vault',
        vault: { baseUrl: 'https://v', auth: { method: 'token' } },
      },
      'Missing travisci.credentials.vault.auth.token config',
    ],
    [
      {
        provider: 'vault',
        vault: { baseUrl: 'https://v', auth: { method: 'jwt', role: 'r' } },
      },
      'Missing travisci.credentials.vault.auth.audience config',
    ],
    [
      {
        provider: 'vault',
        vault: { baseUrl: 'https://v', auth: { method: 'ldap' } },
      },
      'Invalid travisci.credentials.vault.auth.method config "ldap"',
    ],
    [
      {
        provider: 'vault',
        vault: {
          baseUrl: 'https://v',
          prefix: 'travis/*',
          auth: { method: 'token', token: 't' },
        },
      },
      'Invalid travisci.credentials.vault.prefix config "travis/*"',
    ],
    [
      {
        provider: 'vault',
        vault: {
          baseUrl: 'https://v',
          prefix: '../sys',
          auth: { method: 'token', token: 't' },
        },
      },
      'Invalid travisci.credentials.vault.prefix config "../sys"',
    ],
    [
      { provider: 'aws-secrets-manager' },
      'Missing travisci.credentials.awsSecretsManager config',
    ],
    [
      {
        provider: 'aws-secrets-manager',
        awsSecretsManager: { prefix: 'travis' },
      },
      'Missing travisci.credentials.awsSecretsManager.region config',
    ],
    [
      {
        provider: 'aws-secrets-manager',
        awsSecretsManager: {
          region: 'eu-west-1',
          auth: { method: 'webIdentity', roleArn: 'travis' },
        },
      },
      'Invalid travisci.credentials.awsSecretsManager.auth.roleArn config "travis"',
    ],
    [
      { static: { owners: [{ ownerRef: 'team-a', token: 't' }] } },
      'Invalid travisci.credentials.static.owners[0].ownerRef config',
    ],
    [
      {
        static: {
          owners: [
            { ownerRef: 'group:default/a', token: 't', repositories: ['*/*'] },
          ],
        },
      },
      'Invalid travisci.credentials.static.owners[0].repositories config',
    ],
    [
      { static: { owners: [{ ownerRef: 'group:default/a' }] } },
      'Missing travisci.credentials.static.owners[0].token config',
    ],
    [
      {
        static: {
          owners: [
            { ownerRef: 'group:default/a', token: 't' },
            { ownerRef: 'Group:default/A', token: 'u' },
          ],
        },
      },
      'group:default/a is listed twice',
    ],
    [
      { workloadIdentity: { tokenLifetimeSeconds: 300 } },
      'Invalid travisci.credentials.workloadIdentity.tokenLifetimeSeconds config 300',
    ],
    [
      { cache: { softTtlSeconds: 600, maxAgeSeconds: 60 } },
      'Invalid travisci.credentials.cache.maxAgeSeconds config',
    ],
    [
      { cache: 'soon' },
      'Invalid travisci.credentials.cache config: expected an object',
    ],
  ])('rejects %j', (credentials, message) => {
    expect(() => read(credentials)).toThrow(message);
  });
});
