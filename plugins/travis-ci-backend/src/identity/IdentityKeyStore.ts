import { JWK } from 'jose';
import { Knex } from 'knex';

const TABLE = 'travis_ci_identity_keys';

/** A published public key of the workload identity issuer. */
export interface PublishedKey {
  kid: string;
  /** The public JWK with `kid`, `alg` and `use`. */
  publicJwk: JWK;
  createdAt: Date;
  /** Earliest time the key signs a token. */
  activeFrom: Date;
  /** When every token the key signed has expired. */
  expiresAt: Date;
}

interface KeyRow {
  kid: string;
  public_jwk: string;
  created_at: Date | string | number;
  active_from: Date | string | number;
  expires_at: Date | string | number;
}

/**
 * Stores the issuer's public keys in the plugin's database, shared by every
 * replica.
 */
export class IdentityKeyStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  async add(key: PublishedKey): Promise<void> {
    await this.#db<KeyRow>(TABLE).insert({
      kid: key.kid,
      public_jwk: JSON.stringify(key.publicJwk),
      created_at: key.createdAt,
      active_from: key.activeFrom,
      expires_at: key.expiresAt,
    });
  }

  /** Lists the keys that have not expired at `now`, oldest first. */
  async listUnexpired(now: Date): Promise<PublishedKey[]> {
    const rows = await this.#db<KeyRow>(TABLE).select();

    return rows
      .map(toPublishedKey)
      .filter(key => key.expiresAt.getTime() > now.getTime())
      .sort((a, b) => a.activeFrom.getTime() - b.activeFrom.getTime());
  }

  /** Deletes the keys that expired before `now`; returns their ids. */
  async deleteExpired(now: Date): Promise<string[]> {
    // Dates compare in JavaScript because SQLite and PostgreSQL store
    // timestamps differently, and the table only ever holds a few rows.
    const rows = await this.#db<KeyRow>(TABLE).select();
    const expired = rows
      .map(toPublishedKey)
      .filter(key => key.expiresAt.getTime() <= now.getTime())
      .map(key => key.kid);

    if (expired.length > 0) {
      await this.#db<KeyRow>(TABLE).whereIn('kid', expired).delete();
    }
    return expired;
  }
}

function toPublishedKey(row: KeyRow): PublishedKey {
  return {
    kid: row.kid,
    publicJwk: JSON.parse(row.public_jwk),
    createdAt: new Date(row.created_at),
    activeFrom: new Date(row.active_from),
    expiresAt: new Date(row.expires_at),
  };
}
