import { LoggerService } from '@backstage/backend-plugin-api';
import { randomUUID } from 'node:crypto';
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  JSONWebKeySet,
  JWTPayload,
  SignJWT,
} from 'jose';
import { IdentityKeyStore } from './IdentityKeyStore';
import { SigningKeyPendingError } from './SigningKeyPendingError';

/** The only signing algorithm: accepted by Vault, OpenBao and AWS STS. */
export const WORKLOAD_IDENTITY_ALGORITHM = 'ES256';

/** Upper bound of a token's lifetime, so that a leaked token is useless soon. */
export const MAX_TOKEN_LIFETIME_SECONDS = 120;

// Tokens are valid from a few seconds back, for verifiers whose clocks lag.
const NOT_BEFORE_SKEW_SECONDS = 5;

/** Timings of the issuer, in milliseconds. */
export interface WorkloadIdentityTimings {
  /** How long a key signs tokens before the next key takes over. */
  keyLifetimeMs: number;
  /**
   * How long a new key is published before it signs anything, at least
   * the JWKS cache time of every verifier.
   */
  publishDelayMs: number;
  /** Lifetime of each token, at most 120 s. */
  tokenLifetimeMs: number;
  /** How long verifiers accept a token after it expires (Vault's default: 150 s). */
  verifierLeewayMs: number;
}

/** Claims of a workload identity token about the request it is for. */
export interface WorkloadIdentityClaims {
  audience: string;
  ownerRef: string;
  ownerSlug: string;
  entityRef: string;
  /** The repository slug, e.g. `acme/payments-api`. */
  repository: string;
  /** Further claims, e.g. AWS session tags. */
  extra?: JWTPayload;
}

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  activeFrom: number;
  signUntil: number;
}

/**
 * A small OIDC issuer that signs short-lived ES256 tokens naming an owner,
 * for logins at Vault, OpenBao or AWS STS.
 *
 * Each replica generates its own key pairs and keeps the private keys in
 * memory only. A new public key goes into the shared key store before the
 * key signs anything, and it stays there until every token it signed has
 * expired, including the verifiers' leeway.
 */
export class WorkloadIdentityIssuer {
  readonly #issuer: string;
  readonly #store: IdentityKeyStore;
  readonly #logger: LoggerService;
  readonly #timings: WorkloadIdentityTimings;
  readonly #now: () => number;
  #keys: SigningKey[] = [];
  #publishing?: Promise<SigningKey>;

  constructor(options: {
    issuer: string;
    store: IdentityKeyStore;
    logger: LoggerService;
    timings: WorkloadIdentityTimings;
    now?: () => number;
  }) {
    if (options.timings.tokenLifetimeMs > MAX_TOKEN_LIFETIME_SECONDS * 1000) {
      throw new TypeError(
        `Workload identity tokens live at most ${MAX_TOKEN_LIFETIME_SECONDS} s, not ${
          options.timings.tokenLifetimeMs / 1000
        } s`,
      );
    }
    this.#issuer = options.issuer;
    this.#store = options.store;
    this.#logger = options.logger;
    this.#timings = options.timings;
    this.#now = options.now ?? Date.now;
  }

  /** The `iss` of every token, also the discovery document's `issuer`. */
  get issuer(): string {
    return this.#issuer;
  }

  /** The JWKS URL announced in the discovery document. */
  get jwksUri(): string {
    return `${this.#issuer}/.well-known/jwks.json`;
  }

  /** How long verifiers may cache the JWKS without missing a new key, in seconds. */
  get jwksMaxAgeSeconds(): number {
    return Math.floor(this.#timings.publishDelayMs / 1000);
  }

  /**
   * Publishes the next key when the current one stops signing within the
   * publish delay plus `lookaheadMs`, and deletes expired public keys of
   * every replica. The rotation task calls this every `lookaheadMs`.
   */
  async rotateIfDue(lookaheadMs: number): Promise<void> {
    const deadline = this.#now() + this.#timings.publishDelayMs + lookaheadMs;
    const covered = this.#keys.some(key => key.signUntil > deadline);
    if (!covered) {
      await this.rotate();
    }

    const deleted = await this.#store.deleteExpired(new Date(this.#now()));
    if (deleted.length > 0) {
      this.#logger.info(
        `Removed ${
          deleted.length
        } expired workload identity key(s) from the JWKS: ${deleted.join(
          ', ',
        )}`,
      );
    }
  }

  /**
   * Publishes a new key at once. It signs from the end of the publish
   * delay on, and older keys of this replica keep signing until then.
   * Returns the new key id.
   */
  async rotate(): Promise<string> {
    if (!this.#publishing) {
      this.#publishing = this.#publishKey().finally(() => {
        this.#publishing = undefined;
      });
    }
    return (await this.#publishing).kid;
  }

  /**
   * Signs a token for one owner.
   *
   * @throws SigningKeyPendingError when no key has been published for the
   *   full publish delay yet, e.g. right after the replica started.
   */
  async issue(claims: WorkloadIdentityClaims): Promise<string> {
    const key = await this.#signingKey();
    const nowSeconds = Math.floor(this.#now() / 1000);

    return new SignJWT({
      ...claims.extra,
      owner_ref: claims.ownerRef,
      owner_slug: claims.ownerSlug,
      entity_ref: claims.entityRef,
      repo_slug: claims.repository,
    })
      .setProtectedHeader({
        alg: WORKLOAD_IDENTITY_ALGORITHM,
        kid: key.kid,
        typ: 'JWT',
      })
      .setIssuer(this.#issuer)
      .setSubject(claims.ownerSlug)
      .setAudience(claims.audience)
      .setIssuedAt(nowSeconds)
      .setNotBefore(nowSeconds - NOT_BEFORE_SKEW_SECONDS)
      .setExpirationTime(
        nowSeconds + Math.floor(this.#timings.tokenLifetimeMs / 1000),
      )
      .setJti(randomUUID())
      .sign(key.privateKey);
  }

  /** Lists the unexpired public keys of every replica as a JWKS. */
  async jwks(): Promise<JSONWebKeySet> {
    const keys = await this.#store.listUnexpired(new Date(this.#now()));
    return { keys: keys.map(key => key.publicJwk) };
  }

  /** Returns the OpenID discovery document that Vault and AWS read. */
  discoveryDocument() {
    return {
      issuer: this.#issuer,
      jwks_uri: this.jwksUri,
      response_types_supported: ['id_token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: [WORKLOAD_IDENTITY_ALGORITHM],
      claims_supported: [
        'iss',
        'sub',
        'aud',
        'iat',
        'nbf',
        'exp',
        'jti',
        'owner_ref',
        'owner_slug',
        'entity_ref',
        'repo_slug',
      ],
    };
  }

  async #signingKey(): Promise<SigningKey> {
    const now = this.#now();
    const active = this.#keys
      .filter(key => key.activeFrom <= now && now < key.signUntil)
      .at(-1);
    if (active) {
      return active;
    }

    // Right after start or a missed rotation no key is active. Signing with
    // a key that verifiers may not have fetched yet would fail at the
    // verifier, and waiting would hold the request for up to the publish
    // delay, so the caller learns when to retry instead.
    const pending =
      this.#keys.find(key => key.activeFrom > now) ??
      (await this.#publishingKey());
    const waitMs = pending.activeFrom - this.#now();
    if (waitMs <= 0) {
      return pending;
    }

    const retryAfterSeconds = Math.ceil(waitMs / 1000);
    throw new SigningKeyPendingError(
      `Workload identity key ${pending.kid} signs in ${retryAfterSeconds} s, once verifiers have had the publish delay to fetch it; retry then.`,
      retryAfterSeconds,
    );
  }

  async #publishingKey(): Promise<SigningKey> {
    await this.rotate();
    return this.#keys.at(-1)!;
  }

  async #publishKey(): Promise<SigningKey> {
    const { privateKey, publicKey } = await generateKeyPair(
      WORKLOAD_IDENTITY_ALGORITHM,
    );
    const publicJwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(publicJwk, 'sha256');

    const createdAt = this.#now();
    const activeFrom = createdAt + this.#timings.publishDelayMs;
    const signUntil = activeFrom + this.#timings.keyLifetimeMs;
    const expiresAt =
      signUntil +
      this.#timings.tokenLifetimeMs +
      this.#timings.verifierLeewayMs;

    await this.#store.add({
      kid,
      publicJwk: {
        ...publicJwk,
        kid,
        alg: WORKLOAD_IDENTITY_ALGORITHM,
        use: 'sig',
      },
      createdAt: new Date(createdAt),
      activeFrom: new Date(activeFrom),
      expiresAt: new Date(expiresAt),
    });

    const key = { kid, privateKey, activeFrom, signUntil };
    this.#keys = [
      ...this.#keys.filter(other => other.signUntil > this.#now()),
      key,
    ].sort((a, b) => a.activeFrom - b.activeFrom);
    this.#logger.info(
      `Published workload identity key ${kid}; it signs from ${new Date(
        activeFrom,
      ).toISOString()} to ${new Date(signUntil).toISOString()}`,
    );
    return key;
  }
}
