import {
  AuthService,
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  parseTravisRepositorySlug,
  TRAVIS_CI_INSTANCE_ANNOTATION,
  TRAVIS_CI_REPO_SLUG_ANNOTATION,
  TravisRepositorySlug,
} from '@travis-ci-backstage/plugin-travis-ci-common';
import { Request } from 'express';
import { TravisInstance } from '../config/TravisCiConfig';
import {
  annotationInvalidError,
  annotationMissingError,
  instanceNotConfiguredError,
} from '../errors';
import {
  entityOwnerRefs,
  EntityActionAuthorizer,
  TravisEntityAction,
} from './EntityActionAuthorizer';

/** Everything a request about one entity's builds needs, checked. */
export interface EntityRequestContext {
  credentials: BackstageCredentials;
  /** The caller as an entity ref (users) or `service:<subject>`. */
  actor: string;
  entity: Entity;
  entityRef: string;
  /** The entity's first owner, if any. */
  ownerRef?: string;
  repository: TravisRepositorySlug;
  instance: TravisInstance;
}

/**
 * Runs the steps that every Travis CI route shares: the caller's
 * credentials, the entity as the caller sees it, its annotations, its
 * Travis CI instance and the permission and ownership checks.
 */
export class EntityRequestResolver {
  readonly #httpAuth: HttpAuthService;
  readonly #auth: AuthService;
  readonly #catalog: CatalogService;
  readonly #authorizer: EntityActionAuthorizer;
  readonly #instances: TravisInstance[];

  constructor(options: {
    httpAuth: HttpAuthService;
    auth: AuthService;
    catalog: CatalogService;
    authorizer: EntityActionAuthorizer;
    /** At least one instance; the first serves entities without an instance annotation. */
    instances: TravisInstance[];
  }) {
    this.#httpAuth = options.httpAuth;
    this.#auth = options.auth;
    this.#catalog = options.catalog;
    this.#authorizer = options.authorizer;
    this.#instances = options.instances;
  }

  /**
   * Resolves the entity of a request and checks that the caller may take
   * the action. Without an action, only the entity is resolved, and the
   * caller decides each action itself.
   */
  async resolve(
    request: Request,
    entityName: CompoundEntityRef,
    action: TravisEntityAction | undefined,
  ): Promise<EntityRequestContext> {
    const credentials = await this.#httpAuth.credentials(request, {
      allow: ['user', 'service'],
    });
    const entityRef = stringifyEntityRef(entityName);

    const entity = await this.#catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) {
      throw new NotFoundError(
        `Entity ${entityRef} was not found, or you may not see it.`,
      );
    }

    const repository = readRepositoryAnnotation(entity, entityRef);
    const instance = this.#chooseInstance(entity, entityRef);

    if (action) {
      await this.#authorizer.assertAllowed(action, entity, credentials);
    }

    return {
      credentials,
      actor: this.#describeActor(credentials),
      entity,
      entityRef,
      ownerRef: entityOwnerRefs(entity)[0],
      repository,
      instance,
    };
  }

  #chooseInstance(entity: Entity, entityRef: string): TravisInstance {
    const name = entity.metadata.annotations?.[TRAVIS_CI_INSTANCE_ANNOTATION];
    if (name === undefined || name.trim() === '') {
      return this.#instances[0];
    }

    const instance = this.#instances.find(i => i.name === name.trim());
    if (!instance) {
      throw instanceNotConfiguredError(
        `Entity ${entityRef} names the Travis CI instance "${name}" in its ${TRAVIS_CI_INSTANCE_ANNOTATION} annotation, but the backend only has ${this.#instances
          .map(i => `"${i.name}"`)
          .join(
            ', ',
          )}; fix the annotation or add the instance to the travisci config.`,
      );
    }
    return instance;
  }

  #describeActor(credentials: BackstageCredentials): string {
    if (this.#auth.isPrincipal(credentials, 'user')) {
      return credentials.principal.userEntityRef;
    }
    if (this.#auth.isPrincipal(credentials, 'service')) {
      return `service:${credentials.principal.subject}`;
    }
    return 'unknown';
  }
}

function readRepositoryAnnotation(
  entity: Entity,
  entityRef: string,
): TravisRepositorySlug {
  const value = entity.metadata.annotations?.[TRAVIS_CI_REPO_SLUG_ANNOTATION];
  if (value === undefined || value.trim() === '') {
    throw annotationMissingError(
      `Entity ${entityRef} has no ${TRAVIS_CI_REPO_SLUG_ANNOTATION} annotation; add one with the Travis CI repository, e.g. "acme/payments-api".`,
    );
  }

  try {
    return parseTravisRepositorySlug(value);
  } catch (error) {
    const message = error instanceof InputError ? error.message : String(error);
    throw annotationInvalidError(`Entity ${entityRef}: ${message}`);
  }
}
