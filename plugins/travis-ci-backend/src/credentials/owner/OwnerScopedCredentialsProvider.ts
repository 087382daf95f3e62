import { LoggerService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import {
  credentialsUnavailableError,
  repositoryNotAllowedError,
  tokenRejectedError,
} from '../../errors';
import {
  TravisCredentials,
  TravisCredentialsProvider,
  TravisCredentialsRequest,
} from '../TravisCredentialsProvider';
import { OwnerSecret, parseOwnerSecret } from './ownerSecret';
import {
  OwnerSecretReadRequest,
  OwnerSecretStore,
  SecretStoreError,
} from './OwnerSecretStore';
import { toOwnerSlug } from './ownerSlug';

/** Cache timings of {@link OwnerScopedCredentialsProvider}, in milliseconds. */
export interface OwnerCredentialsCacheOptions {
  /** Age after which a cached secret is read again before use. */
  softTtlMs: number;
  /** Age up to which a cached secret keeps serving while the store is unavailable. */
  maxAgeMs: number;
  /**
   * Time between store reads for an owner whose token Travis CI rejected,
   * while the store still contains the rejected version.
   */
  rejectedRecheckMs: number;
}

interface CacheEntry {
  secret: OwnerSecret;
  readAt: number;
  /** Set when Travis CI rejected this version's token. */
  rejectedAt?: number;
}

/**
 * Provides each entity with its owner's Travis CI token from a secret store,
 * and only for the repositories that the owner's secret allows.
 *
 * Secrets are cached per owner. A cached secret is read again after the
 * soft TTL, and it keeps serving while the store is unavailable until it
 * reaches the maximum age. When Travis CI rejects a token, the secret is
 * read again at once: a new version replaces the old one, and the same
 * version fails closed until the store contains a new token.
 */
export class OwnerScopedCredentialsProvider
  implements TravisCredentialsProvider
{
  readonly #store: OwnerSecretStore;
  readonly #logger: LoggerService;
  readonly #cache: OwnerCredentialsCacheOptions;
  readonly #now: () => number;
  readonly #entries = new Map<string, CacheEntry>();
  readonly #reads = new Map<string, Promise<CacheEntry>>();

  constructor(options: {
    store: OwnerSecretStore;
    logger: LoggerService;
    cache: OwnerCredentialsCacheOptions;
    now?: () => number;
  }) {
    this.#store = options.store;
    this.#logger = options.logger;
    this.#cache = options.cache;
    this.#now = options.now ?? Date.now;
  }

  async getCredentials(
    request: TravisCredentialsRequest,
  ): Promise<TravisCredentials> {
    const readRequest = toReadRequest(request);
    const entry = await this.#currentEntry(readRequest);

    this.#assertAllowed(entry.secret, request, readRequest);
    return { token: entry.secret.token };
  }

  async reportRejected(
    request: TravisCredentialsRequest,
    credentials: TravisCredentials,
  ): Promise<void> {
    const readRequest = toReadRequest(request);
    const entry = this.#entries.get(readRequest.ownerSlug);

    // Another request has already replaced the token, so the caller's next
    // getCredentials returns the new one.
    if (!entry || entry.secret.token !== credentials.token) {
      return;
    }

    this.#logger.warn(
      `Travis CI rejected the token of owner ${
        readRequest.ownerRef
      } (secret version ${
        entry.secret.version
      }); reading ${this.#secretLocation(readRequest)} again`,
    );

    let fresh: CacheEntry;
    try {
      fresh = await this.#read(readRequest);
    } catch {
      // #read has logged the store's error with the secret's location.
      this.#markRejected(readRequest.ownerSlug, entry);
      throw tokenRejectedError(
        `Travis CI rejected the token of owner ${
          readRequest.ownerRef
        }, and reading a new one from ${
          this.#store.kind
        } failed. Try again later; if this persists, ask the Backstage operators to check the owner's secret.`,
      );
    }

    if (fresh.secret.token !== credentials.token) {
      this.#logger.info(
        `Using secret version ${fresh.secret.version} for owner ${readRequest.ownerRef} after Travis CI rejected version ${entry.secret.version}`,
      );
      return;
    }

    this.#markRejected(readRequest.ownerSlug, fresh);
    this.#logger.warn(
      `${this.#secretLocation(
        readRequest,
      )} still holds the token that Travis CI rejected (version ${
        fresh.secret.version
      }); requests for owner ${
        readRequest.ownerRef
      } fail until it holds a new one`,
    );
    throw this.#invalidTokenError(readRequest, fresh);
  }

  async #currentEntry(request: OwnerSecretReadRequest): Promise<CacheEntry> {
    const now = this.#now();
    const entry = this.#entries.get(request.ownerSlug);

    if (entry?.rejectedAt !== undefined) {
      if (now - entry.rejectedAt < this.#cache.rejectedRecheckMs) {
        throw this.#invalidTokenError(request, entry);
      }
      const fresh = await this.#readOrExplain(request);
      if (fresh.rejectedAt !== undefined) {
        fresh.rejectedAt = now;
        throw this.#invalidTokenError(request, fresh);
      }
      return fresh;
    }

    if (entry && now - entry.readAt < this.#cache.softTtlMs) {
      return entry;
    }

    try {
      return await this.#read(request);
    } catch (error) {
      const usable =
        entry &&
        error instanceof SecretStoreError &&
        error.kind === 'unavailable' &&
        now - entry.readAt < this.#cache.maxAgeMs;
      if (usable) {
        this.#logger.warn(
          `Serving the cached Travis CI token of owner ${
            request.ownerRef
          } (secret version ${entry.secret.version}, read ${Math.round(
            (now - entry.readAt) / 1000,
          )} s ago) because ${this.#store.description} is unavailable: ${
            error.message
          }`,
        );
        return entry;
      }
      throw this.#explain(request, error);
    }
  }

  async #readOrExplain(request: OwnerSecretReadRequest): Promise<CacheEntry> {
    try {
      return await this.#read(request);
    } catch (error) {
      throw this.#explain(request, error);
    }
  }

  /**
   * Reads the owner's secret once for all concurrent callers and caches it.
   * A rejection sticks to the entry while the store returns the same version.
   */
  #read(request: OwnerSecretReadRequest): Promise<CacheEntry> {
    const pending = this.#reads.get(request.ownerSlug);
    if (pending) {
      return pending;
    }

    const read = (async () => {
      try {
        const stored = await this.#store.read(request);
        let secret: OwnerSecret;
        try {
          secret = parseOwnerSecret(stored);
        } catch (error) {
          throw new SecretStoreError(
            'invalid',
            `the secret at ${this.#secretLocation(request)} (version ${
              stored.version
            }) is invalid: ${describeError(error)}`,
            { publicDetail: describeError(error) },
          );
        }

        const previous = this.#entries.get(request.ownerSlug);
        const entry: CacheEntry = { secret, readAt: this.#now() };
        if (
          previous?.rejectedAt !== undefined &&
          previous.secret.token === secret.token
        ) {
          entry.rejectedAt = previous.rejectedAt;
        }
        if (previous && previous.secret.version !== secret.version) {
          this.#logger.info(
            `Read secret version ${secret.version} for owner ${
              request.ownerRef
            } from ${this.#store.description}, replacing version ${
              previous.secret.version
            }`,
          );
        }
        this.#entries.set(request.ownerSlug, entry);
        return entry;
      } catch (error) {
        const kind = error instanceof SecretStoreError ? error.kind : undefined;
        if (kind && kind !== 'unavailable') {
          // The store reports that this owner has no usable secret any more, so
          // nothing cached may serve it.
          this.#entries.delete(request.ownerSlug);
        }
        this.#logger.warn(
          `Reading the Travis CI secret of owner ${
            request.ownerRef
          } from ${this.#secretLocation(request)} failed: ${describeError(
            error,
          )}`,
        );
        throw error;
      } finally {
        this.#reads.delete(request.ownerSlug);
      }
    })();

    this.#reads.set(request.ownerSlug, read);
    return read;
  }

  #markRejected(ownerSlug: string, entry: CacheEntry) {
    entry.rejectedAt = this.#now();
    if (this.#entries.get(ownerSlug)?.secret.token === entry.secret.token) {
      this.#entries.set(ownerSlug, entry);
    }
  }

  #assertAllowed(
    secret: OwnerSecret,
    request: TravisCredentialsRequest,
    readRequest: OwnerSecretReadRequest,
  ) {
    if (
      secret.instance !== undefined &&
      secret.instance !== request.instance.name
    ) {
      throw repositoryNotAllowedError(
        `The Travis CI token of owner ${readRequest.ownerRef} is for the instance "${secret.instance}", but ${readRequest.entityRef} uses the instance "${request.instance.name}"; store a token for that instance or change the entity's travis-ci.com/instance annotation.`,
      );
    }
    if (!secret.repositories.allows(readRequest.repository)) {
      this.#logger.warn(
        `Rejected repository ${readRequest.repository} of ${
          readRequest.entityRef
        }: no pattern in the "repositories" list of ${this.#secretLocation(
          readRequest,
        )} matches it`,
      );
      throw repositoryNotAllowedError(
        `Owner ${readRequest.ownerRef} may not use the Travis CI repository ${
          readRequest.repository
        } of ${
          readRequest.entityRef
        }: no pattern in the "repositories" list of the owner's secret in ${
          this.#store.kind
        } matches it. Add a pattern there, or fix the entity's owner or annotation.`,
      );
    }
  }

  #invalidTokenError(request: OwnerSecretReadRequest, entry: CacheEntry) {
    return tokenRejectedError(
      `The Travis CI token of owner ${
        request.ownerRef
      } is invalid: Travis CI rejected it, and the owner's secret in ${
        this.#store.kind
      } still holds the same token (version ${
        entry.secret.version
      }). Store a new token there.`,
    );
  }

  // The response names only the store's kind and the owner, because it
  // reaches the browser. #read has logged the store's message and path.
  #explain(request: OwnerSecretReadRequest, error: unknown) {
    const prefix = `No Travis CI token for owner ${request.ownerRef}`;
    const store = this.#store.kind;
    const kind = error instanceof SecretStoreError ? error.kind : undefined;

    let message: string;
    let retryAfterSeconds: number | undefined;
    if (
      kind === 'unavailable' &&
      error instanceof SecretStoreError &&
      error.retryAfterSeconds !== undefined
    ) {
      retryAfterSeconds = error.retryAfterSeconds;
      message = `${prefix} yet: this backend's workload identity key for ${store} logins becomes usable in ${retryAfterSeconds} s, once ${store} has had time to fetch it. Retry in ${retryAfterSeconds} seconds.`;
    } else if (kind === 'denied') {
      message = `${prefix}: ${store} denied the backend access to the owner's secret. Ask the Backstage operators to check the ${store} role and policy for this owner.`;
    } else if (kind === 'not-found') {
      message = `${prefix}: ${store} has no Travis CI secret for this owner. Ask the Backstage operators to store the owner's Travis CI token there.`;
    } else if (
      kind === 'invalid' &&
      error instanceof SecretStoreError &&
      error.publicDetail
    ) {
      message = `${prefix}: the owner's secret in ${store} is invalid: ${error.publicDetail}. Fix the secret in ${store}.`;
    } else if (kind === 'invalid') {
      message = `${prefix}: reading the owner's secret from ${store} failed because of a configuration error. Ask the Backstage operators to check the backend log, which names the cause.`;
    } else {
      message = `${prefix}: ${store} is unavailable. Try again in a few minutes; if this persists, ask the Backstage operators to check ${store}.`;
    }
    return credentialsUnavailableError(message, retryAfterSeconds);
  }

  #secretLocation(request: OwnerSecretReadRequest) {
    return `${this.#store.secretPath(request.ownerSlug)} in ${
      this.#store.description
    }`;
  }
}

function toReadRequest(
  request: TravisCredentialsRequest,
): OwnerSecretReadRequest {
  if (!request.ownerRef) {
    throw repositoryNotAllowedError(
      `${request.entityRef} has no owner, so no owner's Travis CI token may be used for it; set spec.owner on the entity.`,
    );
  }

  return {
    ownerRef: request.ownerRef,
    ownerSlug: toOwnerSlug(request.ownerRef),
    entityRef: request.entityRef,
    repository: `${request.repository.owner}/${request.repository.name}`,
  };
}

function describeError(error: unknown): string {
  return isError(error) ? error.message : String(error);
}
