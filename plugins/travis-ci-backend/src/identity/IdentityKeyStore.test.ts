import { TestDatabases } from '@backstage/backend-test-utils';
import { mockServices } from '@backstage/backend-test-utils';
import { IdentityKeyStore } from './IdentityKeyStore';
import { migrateDatabase } from './migrateDatabase';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe('IdentityKeyStore', () => {
  it.each(databases.eachSupportedId())(
    'lists and expires keys on %s',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = new IdentityKeyStore(
        await migrateDatabase(mockServices.database({ knex })),
      );
      const base = Date.parse('2026-01-01T00:00:00Z');
      const jwk = { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' };

      await store.add({
        kid: 'old',
        publicJwk: { ...jwk, kid: 'old' },
        createdAt: new Date(base),
        activeFrom: new Date(base + 1_000),
        expiresAt: new Date(base + 10_000),
      });
      await store.add({
        kid: 'new',
        publicJwk: { ...jwk, kid: 'new' },
        createdAt: new Date(base + 5_000),
        activeFrom: new Date(base + 6_000),
        expiresAt: new Date(base + 20_000),
      });

      const before = await store.listUnexpired(new Date(base + 9_999));
      const after = await store.listUnexpired(new Date(base + 10_000));
      const deleted = await store.deleteExpired(new Date(base + 10_000));
      const rows = await knex('travis_ci_identity_keys').select('kid');

      expect(before.map(key => key.kid)).toEqual(['old', 'new']);
      expect(before[1].activeFrom.getTime()).toBe(base + 6_000);
      expect(before[1].publicJwk).toEqual({ ...jwk, kid: 'new' });
      expect(after.map(key => key.kid)).toEqual(['new']);
      expect(deleted).toEqual(['old']);
      expect(rows).toEqual([{ kid: 'new' }]);
    },
  );
});
