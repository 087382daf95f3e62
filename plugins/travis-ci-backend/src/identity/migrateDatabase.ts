import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const MIGRATIONS_DIRECTORY = resolvePackagePath(
  '@travis-ci-backstage/plugin-travis-ci-backend',
  'migrations',
);

/**
 * Returns the plugin's database client after applying its migrations,
 * unless the database service is set to skip them.
 */
export async function migrateDatabase(
  database: DatabaseService,
): Promise<Knex> {
  const client = await database.getClient();

  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
  }
  return client;
}
