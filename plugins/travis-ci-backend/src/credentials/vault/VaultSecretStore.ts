import { LoggerService } from '@backstage/backend-plugin-api';
import { readFile } from 'node:fs/promises';
import { WorkloadIdentityIssuer } from '../../identity/WorkloadIdentityIssuer';
import {
  OwnerSecretReadRequest,
  OwnerSecretStore,
  SecretStoreError,
} from '../owner/OwnerSecretStore';
import { toSigningStoreError } from '../owner/toSigningStoreError';
import { VaultClient, VaultLogin } from './VaultClient';

/** Authentication method of the store at Vault. */
export type VaultAuth =
  | { method: 'token'; token: string }
  | { method: 'kubernetes'; mount: string; role: string; tokenPath: string }
  | {
      method: 'jwt';
      mount: string;
      role: string;
      audience: string;
      issuer: WorkloadIdentityIssuer;
    };

interface CachedLogin {
  token: string;
  /** Epoch ms after which the token is not used; Infinity for no expiry. */
  renewAfter: number;
}

// Share of a Vault token's lease after which the store logs in again, so
// that a token never expires between the check and the read.
const LEASE_USE_RATIO = 0.8;

/**
 * Reads owners' secrets from a KV v2 mount of HashiCorp Vault or OpenBao, at
 * `<mount>/data/<prefix>/<owner slug>`.
 *
 * With `jwt` auth every owner gets its own Vault login with a workload
 * identity token naming the owner, so a Vault policy templated on the
 * owner slug confines each login to that owner's secret. With `token` and
 * `kubernetes` auth one Vault identity reads every owner's secret.
 */
export class VaultSecretStore implements OwnerSecretStore {
  readonly #client: VaultClient;
  readonly #auth: VaultAuth;
  readonly #kvMount: string;
  readonly #prefix: string;
  readonly #logger: LoggerService;
  readonly #now: () => number;
  readonly #logins = new Map<string, CachedLogin>();

  constructor(options: {
    client: VaultClient;
    auth: VaultAuth;
    kvMount: string;
    prefix: string;
    logger: LoggerService;
    now?: () => number;
  }) {
    this.#client = options.client;
    this.#auth = options.auth;
    this.#kvMount = options.kvMount;
    this.#prefix = options.prefix;
    this.#logger = options.logger;
    this.#now = options.now ?? Date.now;
  }

  readonly kind = 'HashiCorp Vault';

  get description(): string {
    return `Vault at ${this.#client.baseUrl}`;
  }

  secretPath(ownerSlug: string): string {
    return `${this.#kvMount}/data/${this.#prefix}/${ownerSlug}`;
  }

  async read(request: OwnerSecretReadRequest) {
    const path = `${this.#prefix}/${request.ownerSlug}`;
    const login = await this.#vaultToken(request);

    try {
      const secret = await this.#client.readKv2(
        this.#kvMount,
        path,
        login.token,
      );
      return { value: secret.data, version: secret.version };
    } catch (error) {
      // A cached Vault token may have been revoked or may have lost its
      // policy, so a denied read logs in once more before failing.
      const retry =
        error instanceof SecretStoreError &&
        error.kind === 'denied' &&
        this.#auth.method !== 'token' &&
        login.cached;
      if (!retry) {
        throw error;
      }

      this.#logger.info(
        `Vault denied reading ${this.secretPath(
          request.ownerSlug,
        )} with a cached Vault token; logging in again`,
      );
      this.#logins.delete(this.#loginKey(request));
      const fresh = await this.#vaultToken(request);
      const secret = await this.#client.readKv2(
        this.#kvMount,
        path,
        fresh.token,
      );
      return { value: secret.data, version: secret.version };
    }
  }

  async #vaultToken(
    request: OwnerSecretReadRequest,
  ): Promise<{ token: string; cached: boolean }> {
    const auth = this.#auth;
    if (auth.method === 'token') {
      return { token: auth.token, cached: false };
    }

    const key = this.#loginKey(request);
    const cached = this.#logins.get(key);
    if (cached && this.#now() < cached.renewAfter) {
      return { token: cached.token, cached: true };
    }

    const login = await this.#login(request);
    this.#logins.set(key, {
      token: login.clientToken,
      renewAfter:
        login.leaseDurationSeconds > 0
          ? this.#now() + login.leaseDurationSeconds * 1000 * LEASE_USE_RATIO
          : Infinity,
    });
    return { token: login.clientToken, cached: false };
  }

  async #login(request: OwnerSecretReadRequest): Promise<VaultLogin> {
    const auth = this.#auth;
    if (auth.method === 'kubernetes') {
      return this.#client.login(auth.mount, {
        role: auth.role,
        jwt: await readServiceAccountToken(auth.tokenPath),
      });
    }
    if (auth.method === 'jwt') {
      let jwt: string;
      try {
        jwt = await auth.issuer.issue({
          audience: auth.audience,
          ownerRef: request.ownerRef,
          ownerSlug: request.ownerSlug,
          entityRef: request.entityRef,
          repository: request.repository,
        });
      } catch (error) {
        throw toSigningStoreError('the Vault login', error);
      }
      return this.#client.login(auth.mount, { role: auth.role, jwt });
    }
    throw new TypeError(`Vault auth method "${auth.method}" does not log in`);
  }

  // JWT logins are per owner; a Kubernetes login serves every owner.
  #loginKey(request: OwnerSecretReadRequest): string {
    return this.#auth.method === 'jwt' ? request.ownerSlug : '';
  }
}

// Kubernetes rotates projected service account tokens, so the file is read
// for every login.
async function readServiceAccountToken(path: string): Promise<string> {
  try {
    const token = (await readFile(path, 'utf8')).trim();
    if (token === '') {
      throw new Error('the file is empty');
    }
    return token;
  } catch (error) {
    throw new SecretStoreError(
      'invalid',
      `Reading the Kubernetes service account token from ${path} failed: ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
  }
}
