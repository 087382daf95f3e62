import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { travisCiPermissions } from '@travis-ci-backstage/plugin-travis-ci-common';
import { readTravisCiConfig } from './config/readTravisCiConfig';
import { createCredentialsProvider } from './credentials/config/createCredentialsProvider';
import {
  travisCiCredentialsExtensionPoint,
  TravisCredentialsProvider,
} from './credentials/TravisCredentialsProvider';
import { createRouter } from './router';
import { EntityActionAuthorizer } from './service/EntityActionAuthorizer';
import { EntityRequestResolver } from './service/EntityRequestResolver';
import { TravisCiService } from './service/TravisCiService';

/**
 * The Travis CI backend plugin: entity-scoped Travis CI builds, logs and
 * actions under `/api/travis-ci`.
 *
 * @public
 */
export const travisCiPlugin = createBackendPlugin({
  pluginId: 'travis-ci',
  register(env) {
    let customProvider: TravisCredentialsProvider | undefined;
    env.registerExtensionPoint(travisCiCredentialsExtensionPoint, {
      setCredentialsProvider(provider) {
        if (customProvider) {
          throw new Error(
            'A Travis CI credentials provider is already set; install only one module that sets it.',
          );
        }
        customProvider = provider;
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        userInfo: coreServices.userInfo,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        discovery: coreServices.discovery,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const config = readTravisCiConfig(deps.config);
        deps.permissionsRegistry.addPermissions(travisCiPermissions);

        for (const instance of config.instances) {
          if (new URL(instance.baseUrl).hostname === 'api.travis-ci.org') {
            deps.logger.warn(
              `Travis CI instance "${instance.name}" points at api.travis-ci.org, which stopped building in June 2021; use https://api.travis-ci.com.`,
            );
          }
        }

        const credentialsProvider =
          customProvider ??
          (await createCredentialsProvider({
            config: deps.config,
            instances: config.instances,
            logger: deps.logger,
            database: deps.database,
            scheduler: deps.scheduler,
            discovery: deps.discovery,
            httpRouter: deps.httpRouter,
          }));

        const authorizer = new EntityActionAuthorizer({
          permissions: deps.permissions,
          userInfo: deps.userInfo,
          auth: deps.auth,
          rules: config.actions,
        });
        const service = new TravisCiService({
          resolver: new EntityRequestResolver({
            httpAuth: deps.httpAuth,
            auth: deps.auth,
            catalog: deps.catalog,
            authorizer,
            // Credentials providers and routes see instances without tokens.
            instances: config.instances.map(({ name, baseUrl, webUrl }) => ({
              name,
              baseUrl,
              webUrl,
            })),
          }),
          authorizer,
          credentialsProvider,
          auditor: deps.auditor,
          logger: deps.logger,
          requestTimeoutMs: config.requestTimeoutMs,
        });

        deps.httpRouter.use(await createRouter({ service }));
        deps.logger.info(
          `Travis CI backend started with ${
            config.instances.length
          } instance(s): ${config.instances
            .map(instance => `${instance.name} (${instance.baseUrl})`)
            .join(', ')}`,
        );
      },
    });
  },
});
