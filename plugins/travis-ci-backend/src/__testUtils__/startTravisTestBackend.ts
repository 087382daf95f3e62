import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  ServiceMock,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/types';
import { travisCiPlugin } from '../plugin';
import {
  travisCiCredentialsExtensionPoint,
  TravisCredentialsProvider,
} from '../credentials/TravisCredentialsProvider';
import { CapturingLogger } from './CapturingLogger';
import {
  HIDDEN_ENTITY_VIEWER,
  TEST_ENTITIES,
  TEST_USER_GROUPS,
} from './entities';

/** Options of a test backend with the Travis CI plugin. */
export interface TravisTestBackendOptions {
  /** The `travisci` config section; left out when undefined. */
  travisci?: JsonObject;
  /** A permissions service mock; everything is allowed by default. */
  permissions?: ServiceMock<typeof coreServices.permissions.T>;
  /** A credentials provider installed through the extension point. */
  credentialsProvider?: TravisCredentialsProvider;
  /** Further features, e.g. a database service factory shared by two backends. */
  features?: NonNullable<Parameters<typeof startTestBackend>[0]['features']>;
}

/**
 * Starts a backend with the Travis CI plugin, an in-memory catalog of
 * `TEST_ENTITIES`, group memberships from `TEST_USER_GROUPS`, and a logger
 * and auditor whose output the test can read.
 */
export async function startTravisTestBackend(
  options: TravisTestBackendOptions,
) {
  const logger = new CapturingLogger();
  const auditor = mockServices.auditor.mock();

  const hiddenRef = stringifyEntityRef(TEST_ENTITIES.hidden);
  const catalog = catalogServiceMock({
    entities: Object.values(TEST_ENTITIES),
  });
  const catalogFactory = catalogServiceMock.mock({
    // The real catalog filters by the caller's permissions; here only one
    // user may see the hidden entity.
    async getEntityByRef(ref, requestOptions) {
      const entity = await catalog.getEntityByRef(ref);
      const principal = (requestOptions as any)?.credentials?.principal;
      if (
        entity &&
        stringifyEntityRef(entity) === hiddenRef &&
        principal?.userEntityRef !== HIDDEN_ENTITY_VIEWER
      ) {
        return undefined;
      }
      return entity;
    },
  }).factory;

  const userInfoFactory = createServiceFactory({
    service: coreServices.userInfo,
    deps: {},
    factory(): UserInfoService {
      return {
        async getUserInfo(credentials) {
          const principal = credentials.principal as { userEntityRef: string };
          return {
            userEntityRef: principal.userEntityRef,
            ownershipEntityRefs: [
              principal.userEntityRef,
              ...(TEST_USER_GROUPS[principal.userEntityRef] ?? []),
            ],
          };
        },
      };
    },
  });

  const features = [
    travisCiPlugin,
    catalogFactory,
    userInfoFactory,
    auditor.factory,
    mockServices.rootConfig.factory({
      data: options.travisci ? { travisci: options.travisci } : {},
    }),
    createServiceFactory({
      service: coreServices.rootLogger,
      deps: {},
      factory: () => logger,
    }),
  ];
  if (options.permissions) {
    features.push(options.permissions.factory);
  }
  if (options.credentialsProvider) {
    const provider = options.credentialsProvider;
    features.push(
      createBackendModule({
        pluginId: 'travis-ci',
        moduleId: 'test-credentials',
        register(env) {
          env.registerInit({
            deps: { credentials: travisCiCredentialsExtensionPoint },
            async init({ credentials }) {
              credentials.setCredentialsProvider(provider);
            },
          });
        },
      }) as any,
    );
  }

  features.push(...((options.features ?? []) as typeof features));

  const backend = await startTestBackend({ features });
  return { ...backend, logger, auditor };
}
