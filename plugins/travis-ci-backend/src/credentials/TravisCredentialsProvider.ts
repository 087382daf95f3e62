import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { TravisRepositorySlug } from '@travis-ci-backstage/plugin-travis-ci-common';
import { TravisInstance } from '../config/TravisCiConfig';

/**
 * Request for Travis CI credentials: the instance, entity, owner and
 * repository of one call.
 *
 * @public
 */
export interface TravisCredentialsRequest {
  /** The Travis CI instance the entity's builds live on. */
  instance: TravisInstance;
  /** The catalog entity, as the caller sees it. */
  entity: Entity;
  /** The entity ref, e.g. `component:default/payments-api`. */
  entityRef: string;
  /**
   * The entity's owner: the first `ownedBy` relation, else `spec.owner`
   * as an entity ref. Undefined when the entity has no owner.
   */
  ownerRef?: string;
  /** The repository from the entity's annotation. */
  repository: TravisRepositorySlug;
}

/**
 * Credentials for calls to Travis CI API v3.
 *
 * @public
 */
export interface TravisCredentials {
  /** An API token, sent as `Authorization: token <token>`. */
  token: string;
}

/**
 * Source of the Travis CI token for an entity's repository. The default
 * provider returns one configured token per instance; other providers can
 * pick a token per owner from a secret store.
 *
 * @public
 */
export interface TravisCredentialsProvider {
  /**
   * Returns the credentials for one request.
   *
   * @throws an error with code `credentials-unavailable` when no token can
   *   be found, or `repository-not-allowed` when the owner may not use the
   *   repository.
   */
  getCredentials(request: TravisCredentialsRequest): Promise<TravisCredentials>;

  /**
   * Reports that Travis CI rejected the token returned for this request as
   * invalid or expired. A provider that reads a secret store can re-read
   * it here. The backend then requests credentials once more and retries
   * the call once if the token changed.
   */
  reportRejected?(
    request: TravisCredentialsRequest,
    credentials: TravisCredentials,
  ): Promise<void>;
}

/**
 * Extension point to replace how the Travis CI backend finds tokens.
 *
 * @public
 */
export interface TravisCiCredentialsExtensionPoint {
  /** Replaces the default provider, which reads `token` from each instance's config. */
  setCredentialsProvider(provider: TravisCredentialsProvider): void;
}

/**
 * Extension point of the Travis CI backend for credentials providers.
 *
 * @public
 */
export const travisCiCredentialsExtensionPoint =
  createExtensionPoint<TravisCiCredentialsExtensionPoint>({
    id: 'travis-ci.credentials',
  });
