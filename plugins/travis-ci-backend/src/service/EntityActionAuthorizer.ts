import {
  AuthService,
  BackstageCredentials,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  TravisActionDecision,
  travisCiBuildCancelPermission,
  travisCiBuildReadPermission,
  travisCiBuildRestartPermission,
  travisCiBuildTriggerPermission,
  TravisEntityActions,
} from '@travis-ci-backstage/plugin-travis-ci-common';
import { TravisActionRules } from '../config/TravisCiConfig';

/** Something a caller may do with an entity's builds. */
export type TravisEntityAction = keyof TravisEntityActions;

const PERMISSIONS: Record<
  TravisEntityAction,
  ResourcePermission<'catalog-entity'>
> = {
  read: travisCiBuildReadPermission,
  trigger: travisCiBuildTriggerPermission,
  restart: travisCiBuildRestartPermission,
  cancel: travisCiBuildCancelPermission,
};

/**
 * Decides what a caller may do with an entity's builds: the permission
 * policy first, then, for trigger, restart and cancel, the plugin's own
 * rules about service principals and ownership. The action routes and the
 * `/actions` route both decide here, so they cannot disagree.
 */
export class EntityActionAuthorizer {
  readonly #permissions: PermissionsService;
  readonly #userInfo: UserInfoService;
  readonly #auth: AuthService;
  readonly #rules: TravisActionRules;

  constructor(options: {
    permissions: PermissionsService;
    userInfo: UserInfoService;
    auth: AuthService;
    rules: TravisActionRules;
  }) {
    this.#permissions = options.permissions;
    this.#userInfo = options.userInfo;
    this.#auth = options.auth;
    this.#rules = options.rules;
  }

  /** Decides each of the given actions. */
  async decide(
    actions: TravisEntityAction[],
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<Record<TravisEntityAction, TravisActionDecision | undefined>> {
    const entityRef = stringifyEntityRef(entity);

    const policyDecisions = await this.#permissions.authorize(
      actions.map(action => ({
        permission: PERMISSIONS[action],
        resourceRef: entityRef,
      })),
      { credentials },
    );

    let ownership: Promise<TravisActionDecision> | undefined;
    const decisions: Partial<Record<TravisEntityAction, TravisActionDecision>> =
      {};

    for (const [index, action] of actions.entries()) {
      if (policyDecisions[index].result !== AuthorizeResult.ALLOW) {
        decisions[action] = {
          allowed: false,
          reason: `The permission policy denies ${PERMISSIONS[action].name} on ${entityRef}.`,
        };
        continue;
      }
      if (action === 'read') {
        decisions[action] = { allowed: true };
        continue;
      }

      // The same rule applies to every action, so evaluate it once.
      ownership ??= this.#decideActor(entity, entityRef, credentials);
      const decision = await ownership;
      decisions[action] = decision.allowed
        ? decision
        : {
            allowed: false,
            reason: `You cannot ${action} builds: ${decision.reason}`,
          };
    }

    return decisions as Record<TravisEntityAction, TravisActionDecision>;
  }

  /** Throws NotAllowedError unless the caller may take the action. */
  async assertAllowed(
    action: TravisEntityAction,
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const decision = (await this.decide([action], entity, credentials))[action];
    if (!decision?.allowed) {
      throw new NotAllowedError(decision?.reason);
    }
  }

  async #decideActor(
    entity: Entity,
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<TravisActionDecision> {
    if (this.#auth.isPrincipal(credentials, 'service')) {
      if (this.#rules.allowServicePrincipals) {
        return { allowed: true };
      }
      return {
        allowed: false,
        reason:
          'service principals may only read builds unless travisci.actions.allowServicePrincipals is true.',
      };
    }

    if (!this.#auth.isPrincipal(credentials, 'user')) {
      return { allowed: false, reason: 'a signed-in user is required.' };
    }
    if (!this.#rules.requireOwnership) {
      return { allowed: true };
    }

    const owners = entityOwnerRefs(entity);
    const { ownershipEntityRefs } = await this.#userInfo.getUserInfo(
      credentials,
    );
    const claims = new Set(ownershipEntityRefs.map(ref => ref.toLowerCase()));
    if (owners.some(owner => claims.has(owner))) {
      return { allowed: true };
    }

    const ownerText =
      owners.length > 0 ? owners.join(', ') : 'nobody, as it has no owner';
    return {
      allowed: false,
      reason: `only owners of ${entityRef} may do this, and it is owned by ${ownerText}.`,
    };
  }
}

/**
 * Returns the lower-case entity refs of an entity's owners: its `ownedBy`
 * relations, or `spec.owner` when the catalog has not added relations.
 */
export function entityOwnerRefs(entity: Entity): string[] {
  const related = (entity.relations ?? [])
    .filter(relation => relation.type === RELATION_OWNED_BY)
    .map(relation => relation.targetRef.toLowerCase());
  if (related.length > 0) {
    return related;
  }

  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || owner.trim() === '') {
    return [];
  }
  try {
    return [
      stringifyEntityRef(
        parseEntityRef(owner, {
          defaultKind: 'group',
          defaultNamespace: entity.metadata.namespace ?? 'default',
        }),
      ).toLowerCase(),
    ];
  } catch {
    return [];
  }
}
