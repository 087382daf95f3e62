import { SecretStoreError } from '../owner/OwnerSecretStore';

/** A Vault token from a login, with its lifetime. */
export interface VaultLogin {
  clientToken: string;
  /** Lifetime in seconds; 0 for a token that does not expire. */
  leaseDurationSeconds: number;
}

/** A KV v2 secret version. */
export interface VaultKvSecret {
  data: unknown;
  version: string;
}

/**
 * Speaks the parts of the HTTP API of HashiCorp Vault and OpenBao that the
 * plugin needs: logins and KV v2 reads. Failures become SecretStoreErrors
 * with Vault's own messages, which never contain the tokens sent.
 */
export class VaultClient {
  readonly #baseUrl: string;
  readonly #namespace?: string;
  readonly #timeoutMs: number;

  constructor(options: {
    baseUrl: string;
    namespace?: string;
    timeoutMs: number;
  }) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#namespace = options.namespace;
    this.#timeoutMs = options.timeoutMs;
  }

  /** The Vault address, for messages. */
  get baseUrl(): string {
    return this.#baseUrl;
  }

  /** Logs in at `auth/<mount>/login`, as the JWT and Kubernetes methods both take it. */
  async login(
    mount: string,
    body: { role: string; jwt: string },
  ): Promise<VaultLogin> {
    const path = `auth/${mount}/login`;
    const responseBody = await this.#request('POST', path, { body });

    const auth = (
      responseBody as { auth?: { client_token?: unknown; lease_duration?: unknown } }
    )?.auth;
    if (typeof auth?.client_token !== 'string' || auth.client_token === '') {
      throw new SecretStoreError(
        'invalid',
        `Vault answered the login at ${path} without auth.client_token`,
      );
    }
    return {
      clientToken: auth.client_token,
      leaseDurationSeconds:
        typeof auth.lease_duration === 'number' ? auth.lease_duration : 0,
    };
  }

  /** Reads the current version of a KV v2 secret at `<mount>/data/<path>`. */
  async readKv2(
    mount: string,
    path: string,
    vaultToken: string,
  ): Promise<VaultKvSecret> {
    const fullPath = `${mount}/data/${path}`;
    const responseBody = await this.#request('GET', fullPath, { vaultToken });

    const data = (
      responseBody as { data?: { data?: unknown; metadata?: { version?: unknown } } }
    )?.data;
    if (!data || data.data === undefined || data.data === null) {
      throw new SecretStoreError(
        'not-found',
        `Vault has no current version of ${fullPath}; it is deleted or was never written`,
      );
    }
    return {
      data: data.data,
      version: String(data.metadata?.version ?? 'unknown'),
    };
  }

  async #request(
    method: 'GET' | 'POST',
    path: string,
    options: { body?: unknown; vaultToken?: string },
  ): Promise<unknown> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.vaultToken) {
      headers['X-Vault-Token'] = options.vaultToken;
    }
    if (this.#namespace) {
      headers['X-Vault-Namespace'] = this.#namespace;
    }
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }

    let response: Response;
    try {
      response = await fetch(`${this.#baseUrl}/v1/${path}`, {
        method,
        headers,
        body:
          options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      const reason =
        error instanceof Error && error.name === 'TimeoutError'
          ? `timed out after ${this.#timeoutMs} ms`
          : `failed: ${error instanceof Error ? error.message : String(error)}`;
      throw new SecretStoreError(
        'unavailable',
        `${method} ${path} at Vault ${reason}`,
      );
    }

    const text = await response.text();
    if (response.ok) {
      try {
        return JSON.parse(text);
      } catch {
        throw new SecretStoreError(
          'unavailable',
          `${method} ${path} at Vault returned a body that is not JSON (HTTP ${response.status})`,
        );
      }
    }

    const message = `${method} ${path} at Vault failed with HTTP ${
      response.status
    }${vaultErrors(text)}`;
    throw new SecretStoreError(errorKind(response.status), message);
  }
}

function errorKind(status: number) {
  if (status === 403 || status === 401) {
    return 'denied' as const;
  }
  if (status === 404) {
    return 'not-found' as const;
  }
  // 412 is Enterprise's eventual consistency, 429 a standby or rate limit,
  // 5xx a sealed or failing server: all of them pass.
  if (status === 412 || status === 429 || status >= 500) {
    return 'unavailable' as const;
  }
  return 'invalid' as const;
}

// Vault's error body is {"errors": ["message", ...]}.
function vaultErrors(text: string): string {
  try {
    const errors = (JSON.parse(text) as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0) {
      return `: ${errors.map(String).join('; ').slice(0, 500)}`;
    }
  } catch {
    // Not Vault's JSON error body, so there is nothing to quote.
  }
  return '';
}
