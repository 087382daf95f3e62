import {
  DatabaseService,
  DiscoveryService,
  HttpRouterService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  createWellKnownRouter,
  DISCOVERY_DOCUMENT_PATH,
  JWKS_PATH,
} from './createWellKnownRouter';
import { IdentityKeyStore } from './IdentityKeyStore';
import { migrateDatabase } from './migrateDatabase';
import {
  WorkloadIdentityIssuer,
  WorkloadIdentityTimings,
} from './WorkloadIdentityIssuer';

const PLUGIN_ID = 'travis-ci';

// The rotation check runs this often at most, so that a missed run is
// caught well before the signing key ends.
const MAX_ROTATION_CHECK_MS = 5 * 60_000;

/**
 * Starts this replica's workload identity issuer: applies the database
 * migrations, publishes a first key, schedules key rotation, and serves
 * the discovery document and JWKS without authentication.
 */
export async function createWorkloadIdentity(options: {
  database: DatabaseService;
  scheduler: SchedulerService;
  discovery: DiscoveryService;
  httpRouter: HttpRouterService;
  logger: LoggerService;
  timings: WorkloadIdentityTimings;
}): Promise<WorkloadIdentityIssuer> {
  const { scheduler, httpRouter, logger, timings } = options;
  const db = await migrateDatabase(options.database);

  // Vault and AWS require `iss` to equal the discovery document's issuer
  // byte for byte, so both come from the same external URL.
  const issuer = new WorkloadIdentityIssuer({
    issuer: await options.discovery.getExternalBaseUrl(PLUGIN_ID),
    store: new IdentityKeyStore(db),
    logger,
    timings,
  });
  await issuer.rotate();

  const checkIntervalMs = Math.min(
    timings.keyLifetimeMs / 4,
    MAX_ROTATION_CHECK_MS,
  );
  await scheduler.scheduleTask({
    id: 'travis-ci-workload-identity-key-rotation',
    // Every replica rotates its own keys, so the task runs on each of them.
    scope: 'local',
    frequency: { milliseconds: checkIntervalMs },
    initialDelay: { milliseconds: checkIntervalMs },
    timeout: { minutes: 1 },
    fn: async () => {
      try {
        await issuer.rotateIfDue(checkIntervalMs);
      } catch (error) {
        logger.error(
          `Rotating the workload identity key failed; the next check runs in ${Math.round(
            checkIntervalMs / 1000,
          )} s`,
          error as Error,
        );
      }
    },
  });

  httpRouter.use(createWellKnownRouter(issuer));
  // Only the two documents that verifiers fetch are public, so that a
  // route added later under /.well-known still needs credentials.
  httpRouter.addAuthPolicy({
    path: DISCOVERY_DOCUMENT_PATH,
    allow: 'unauthenticated',
  });
  httpRouter.addAuthPolicy({ path: JWKS_PATH, allow: 'unauthenticated' });
  logger.info(
    `Workload identity issuer ${issuer.issuer} is serving its JWKS at ${issuer.jwksUri}`,
  );
  return issuer;
}
