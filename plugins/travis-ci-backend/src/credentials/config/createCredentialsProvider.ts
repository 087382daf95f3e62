import {
  DatabaseService,
  DiscoveryService,
  HttpRouterService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ConfiguredTravisInstance } from '../../config/TravisCiConfig';
import { createWorkloadIdentity } from '../../identity/createWorkloadIdentity';
import { AwsSecretsManagerStore } from '../aws/AwsSecretsManagerStore';
import { OwnerScopedCredentialsProvider } from '../owner/OwnerScopedCredentialsProvider';
import { OwnerSecretStore } from '../owner/OwnerSecretStore';
import { StaticOwnerCredentialsProvider } from '../static/StaticOwnerCredentialsProvider';
import { StaticTravisCredentialsProvider } from '../StaticTravisCredentialsProvider';
import { TravisCredentialsProvider } from '../TravisCredentialsProvider';
import { VaultClient } from '../vault/VaultClient';
import { VaultSecretStore } from '../vault/VaultSecretStore';
import { CredentialsConfig } from './CredentialsConfig';
import { readCredentialsConfig } from './readCredentialsConfig';

/** Core services that the providers and the workload identity issuer use. */
export interface CredentialsProviderDeps {
  config: Config;
  instances: ConfiguredTravisInstance[];
  logger: LoggerService;
  database: DatabaseService;
  scheduler: SchedulerService;
  discovery: DiscoveryService;
  httpRouter: HttpRouterService;
}

/**
 * Creates the credentials provider that `travisci.credentials.provider`
 * names, starting the workload identity issuer when its auth needs one.
 *
 * @throws Error naming the config key when the configuration is missing
 *   or invalid.
 */
export async function createCredentialsProvider(
  deps: CredentialsProviderDeps,
): Promise<TravisCredentialsProvider> {
  const config = readCredentialsConfig(deps.config);

  if (config.provider === 'static') {
    return createStaticProvider(deps.instances, config.owners);
  }

  const store = await createStore(config, deps);
  deps.logger.info(
    `Travis CI credentials come from ${
      store.description
    }, one secret per owner at ${store.secretPath('<owner-slug>')}`,
  );
  return new OwnerScopedCredentialsProvider({
    store,
    logger: deps.logger,
    cache: config.cache,
  });
}

function createStaticProvider(
  instances: ConfiguredTravisInstance[],
  owners: Extract<CredentialsConfig, { provider: 'static' }>['owners'],
): TravisCredentialsProvider {
  const instanceTokens = new StaticTravisCredentialsProvider(instances);
  if (owners.length > 0) {
    return new StaticOwnerCredentialsProvider(owners, instanceTokens);
  }

  const withoutToken =
    StaticTravisCredentialsProvider.findInstancesWithoutToken(instances);
  if (withoutToken.length > 0) {
    throw new Error(
      `Missing travisci token config for the Travis CI instance${
        withoutToken.length > 1 ? 's' : ''
      } ${withoutToken
        .map(name => `"${name}"`)
        .join(
          ', ',
        )}: set travisci.token (short form) or travisci.instances[].token, configure travisci.credentials, or install a module that provides Travis CI credentials.`,
    );
  }
  return instanceTokens;
}

async function createStore(
  config: Exclude<CredentialsConfig, { provider: 'static' }>,
  deps: CredentialsProviderDeps,
): Promise<OwnerSecretStore> {
  const startIssuer = () =>
    createWorkloadIdentity({
      database: deps.database,
      scheduler: deps.scheduler,
      discovery: deps.discovery,
      httpRouter: deps.httpRouter,
      logger: deps.logger,
      timings: config.workloadIdentity,
    });

  if (config.provider === 'vault') {
    const { vault } = config;
    return new VaultSecretStore({
      client: new VaultClient({
        baseUrl: vault.baseUrl,
        namespace: vault.namespace,
        timeoutMs: vault.timeoutMs,
      }),
      auth:
        vault.auth.method === 'jwt'
          ? { ...vault.auth, issuer: await startIssuer() }
          : vault.auth,
      kvMount: vault.kvMount,
      prefix: vault.prefix,
      logger: deps.logger,
    });
  }

  const { aws } = config;
  return new AwsSecretsManagerStore({
    region: aws.region,
    endpoint: aws.endpoint,
    prefix: aws.prefix,
    timeoutMs: aws.timeoutMs,
    logger: deps.logger,
    auth:
      aws.auth.method === 'webIdentity'
        ? { ...aws.auth, issuer: await startIssuer() }
        : aws.auth,
  });
}
