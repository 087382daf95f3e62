/**
 * What a secret store gets to read one owner's secret. The entity and
 * repository are there for stores that put them into a workload identity
 * token for the store's audit log.
 */
export interface OwnerSecretReadRequest {
  ownerRef: string;
  ownerSlug: string;
  entityRef: string;
  /** The repository slug, e.g. `acme/payments-api`. */
  repository: string;
}

/**
 * Why a secret store read failed:
 * - `unavailable`: the store could not be reached or answered with a
 *   server error; a cached token may keep serving.
 * - `denied`: the store rejected the backend's identity or its policy does
 *   not allow the read.
 * - `not-found`: the owner has no secret.
 * - `invalid`: the request or the stored value is wrong, a configuration
 *   error that a retry does not fix.
 */
export type SecretStoreErrorKind =
  | 'unavailable'
  | 'denied'
  | 'not-found'
  | 'invalid';

/**
 * A failed secret store read. Messages may name the store's address, the
 * secret path or a role ARN, so they go to logs only. They never contain a
 * token.
 */
export class SecretStoreError extends Error {
  readonly kind: SecretStoreErrorKind;
  /**
   * Description of the problem that may reach the browser, so it names no
   * address, path, ARN or token. Set only where the caller can act on it.
   */
  readonly publicDetail?: string;
  /** Seconds after which a retry is expected to succeed, when that is known. */
  readonly retryAfterSeconds?: number;

  constructor(
    kind: SecretStoreErrorKind,
    message: string,
    options: { publicDetail?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'SecretStoreError';
    this.kind = kind;
    this.publicDetail = options.publicDetail;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/**
 * A secret store that contains one secret per owner, e.g. Vault KV v2 or AWS
 * Secrets Manager.
 */
export interface OwnerSecretStore {
  /**
   * The kind of store for error responses, e.g. `HashiCorp Vault`. It
   * names no address, because responses reach the browser.
   */
  readonly kind: string;

  /** The store with its address for log lines, e.g. `Vault at https://vault.example.com`. */
  readonly description: string;

  /** The store path of an owner's secret, for log lines only. */
  secretPath(ownerSlug: string): string;

  /**
   * Reads the current version of the owner's secret.
   *
   * @throws SecretStoreError when the read fails.
   */
  read(
    request: OwnerSecretReadRequest,
  ): Promise<{ value: unknown; version: string }>;
}
