import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import express from 'express';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { createWellKnownRouter } from '../createWellKnownRouter';
import { IdentityKeyStore } from '../IdentityKeyStore';
import { migrateDatabase } from '../migrateDatabase';
import { WorkloadIdentityIssuer } from '../WorkloadIdentityIssuer';

/**
 * Starts a workload identity issuer on SQLite whose `.well-known` routes
 * are served on a loopback port, as the plugin serves them.
 */
export async function startTestIssuer(databases: TestDatabases) {
  const knex = await databases.init('SQLITE_3');
  const app = express();
  const server: Server = await new Promise(resolve => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const issuerUrl = `http://127.0.0.1:${
    (server.address() as AddressInfo).port
  }/api/travis-ci`;

  const issuer = new WorkloadIdentityIssuer({
    issuer: issuerUrl,
    store: new IdentityKeyStore(
      await migrateDatabase(mockServices.database({ knex })),
    ),
    logger: mockServices.logger.mock(),
    timings: {
      keyLifetimeMs: 3_600_000,
      publishDelayMs: 0,
      tokenLifetimeMs: 60_000,
      verifierLeewayMs: 150_000,
    },
  });
  app.use('/api/travis-ci', createWellKnownRouter(issuer));

  return {
    issuer,
    jwksUrl: issuer.jwksUri,
    stop: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}
