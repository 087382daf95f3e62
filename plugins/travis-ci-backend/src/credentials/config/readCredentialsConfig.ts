import { Config } from '@backstage/config';
import { MAX_TOKEN_LIFETIME_SECONDS } from '../../identity/WorkloadIdentityIssuer';
import { toOwnerSlug } from '../owner/ownerSlug';
import { ConfigSectionReader as Reader } from './ConfigSectionReader';
import {
  AwsProviderConfig,
  CredentialsConfig,
  StaticOwnerToken,
  VaultProviderConfig,
} from './CredentialsConfig';

const KEY = 'travisci.credentials';
const PROVIDERS = ['static', 'vault', 'aws-secrets-manager'] as const;
const DEFAULT_SERVICE_ACCOUNT_TOKEN =
  '/var/run/secrets/kubernetes.io/serviceaccount/token';

/**
 * Reads and validates `travisci.credentials`.
 *
 * @throws Error naming the missing or invalid key and what to set, so that
 *   the backend stops at start-up with one clear message.
 */
export function readCredentialsConfig(root: Config): CredentialsConfig {
  const config = root.getOptionalConfig(KEY);
  const reader = new Reader(config, KEY);

  const provider = reader.optionalString('provider') ?? 'static';
  if (!(PROVIDERS as readonly string[]).includes(provider)) {
    throw new Error(
      `Invalid ${KEY}.provider config "${provider}": use one of ${PROVIDERS.join(
        ', ',
      )}.`,
    );
  }

  const cache = reader.child('cache');
  const identity = reader.child('workloadIdentity');
  const common = {
    cache: {
      softTtlMs: cache.wholeNumber('softTtlSeconds', 300, 1, 86_400) * 1000,
      maxAgeMs: cache.wholeNumber('maxAgeSeconds', 3_600, 1, 604_800) * 1000,
      rejectedRecheckMs:
        cache.wholeNumber('rejectedRecheckSeconds', 30, 0, 3_600) * 1000,
    },
    workloadIdentity: {
      keyLifetimeMs:
        identity.wholeNumber('keyLifetimeMinutes', 60, 1, 10_080) * 60_000,
      publishDelayMs:
        identity.wholeNumber('publishDelaySeconds', 60, 0, 3_600) * 1000,
      tokenLifetimeMs:
        identity.wholeNumber(
          'tokenLifetimeSeconds',
          90,
          10,
          MAX_TOKEN_LIFETIME_SECONDS,
        ) * 1000,
      verifierLeewayMs:
        identity.wholeNumber('verifierLeewaySeconds', 150, 0, 3_600) * 1000,
    },
  };
  if (common.cache.maxAgeMs < common.cache.softTtlMs) {
    throw new Error(
      `Invalid ${KEY}.cache.maxAgeSeconds config: it must be at least cache.softTtlSeconds.`,
    );
  }

  if (provider === 'vault') {
    return { ...common, provider, vault: readVault(reader.required('vault')) };
  }
  if (provider === 'aws-secrets-manager') {
    return {
      ...common,
      provider,
      aws: readAws(reader.required('awsSecretsManager')),
    };
  }
  return {
    ...common,
    provider: 'static',
    owners: readStaticOwners(reader.child('static')),
  };
}

function readStaticOwners(reader: Reader): StaticOwnerToken[] {
  const owners = reader.list('owners').map(owner => {
    const ownerRef = owner.string('ownerRef');
    try {
      toOwnerSlug(ownerRef);
    } catch (error) {
      throw new Error(
        `Invalid ${owner.path}.ownerRef config: ${(error as Error).message}`,
      );
    }

    const repositories = owner.optionalStringList('repositories');
    if (repositories) {
      owner.patterns('repositories', repositories);
    }
    return {
      ownerRef: ownerRef.toLowerCase(),
      token: owner.string('token'),
      repositories,
    };
  });

  const seen = new Set<string>();
  for (const owner of owners) {
    if (seen.has(owner.ownerRef)) {
      throw new Error(
        `Invalid ${reader.path}.owners config: ${owner.ownerRef} is listed twice; keep one entry per owner.`,
      );
    }
    seen.add(owner.ownerRef);
  }
  return owners;
}

function readVault(reader: Reader): VaultProviderConfig {
  const auth = reader.required('auth');
  const method = auth.string('method');

  let vaultAuth: VaultProviderConfig['auth'];
  if (method === 'token') {
    vaultAuth = { method, token: auth.string('token') };
  } else if (method === 'kubernetes') {
    vaultAuth = {
      method,
      mount: auth.storePath('mount', 'kubernetes'),
      role: auth.string('role'),
      tokenPath:
        auth.optionalString('tokenPath') ?? DEFAULT_SERVICE_ACCOUNT_TOKEN,
    };
  } else if (method === 'jwt') {
    vaultAuth = {
      method,
      mount: auth.storePath('mount', 'jwt'),
      role: auth.string('role'),
      audience: auth.string('audience'),
    };
  } else {
    throw new Error(
      `Invalid ${auth.path}.method config "${method}": use token, kubernetes or jwt.`,
    );
  }

  return {
    baseUrl: reader.url('baseUrl'),
    namespace: reader.optionalString('namespace'),
    kvMount: reader.storePath('kvMount', 'secret'),
    prefix: reader.storePath('prefix', 'travis'),
    timeoutMs: reader.wholeNumber('timeoutMs', 5_000, 100, 60_000),
    auth: vaultAuth,
  };
}

function readAws(reader: Reader): AwsProviderConfig {
  const auth = reader.child('auth');
  const method = auth.optionalString('method') ?? 'default';

  let awsAuth: AwsProviderConfig['auth'];
  if (method === 'default') {
    awsAuth = { method };
  } else if (method === 'webIdentity') {
    const roleArn = auth.string('roleArn');
    if (!/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/.test(roleArn)) {
      throw new Error(
        `Invalid ${auth.path}.roleArn config "${roleArn}": expected arn:aws:iam::<account>:role/<name>.`,
      );
    }
    awsAuth = {
      method,
      roleArn,
      audience: auth.optionalString('audience') ?? 'sts.amazonaws.com',
      sessionDurationSeconds: auth.wholeNumber(
        'sessionDurationSeconds',
        900,
        900,
        43_200,
      ),
      stsEndpoint: auth.optionalUrl('stsEndpoint'),
    };
  } else {
    throw new Error(
      `Invalid ${auth.path}.method config "${method}": use default or webIdentity.`,
    );
  }

  return {
    region: reader.string('region'),
    endpoint: reader.optionalUrl('endpoint'),
    prefix: reader.storePath('prefix', 'travis'),
    timeoutMs: reader.wholeNumber('timeoutMs', 5_000, 100, 60_000),
    auth: awsAuth,
  };
}
