import { UserInfoService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  travisCiBuildCancelPermission,
  travisCiBuildRestartPermission,
  travisCiBuildTriggerPermission,
} from '@travis-ci-backstage/plugin-travis-ci-common';

const ownerOnlyPermissions = [
  travisCiBuildTriggerPermission,
  travisCiBuildRestartPermission,
  travisCiBuildCancelPermission,
];

/**
 * The example app's permission policy: everything is allowed, as with the
 * allow-all policy, except the Travis CI actions, which only owners of the
 * entity may take.
 *
 * @remarks
 * The ownership decision is conditional, so the catalog evaluates it against
 * the entity's `ownedBy` relations and the user's ownership entity refs,
 * which include the groups the user is a member of.
 */
export class TravisCiOwnerPermissionPolicy implements PermissionPolicy {
  readonly #userInfo: UserInfoService;

  constructor(options: { userInfo: UserInfoService }) {
    this.#userInfo = options.userInfo;
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const ownerOnlyPermission = ownerOnlyPermissions.find(permission =>
      isPermission(request.permission, permission),
    );
    if (!ownerOnlyPermission) {
      return { result: AuthorizeResult.ALLOW };
    }

    // Service principals and anonymous callers own nothing.
    if (!user) {
      return { result: AuthorizeResult.DENY };
    }

    // PolicyQueryUser.info is deprecated; the user info service reads the
    // same ownership refs from the credentials.
    const { ownershipEntityRefs } = await this.#userInfo.getUserInfo(
      user.credentials,
    );

    return createCatalogConditionalDecision(
      ownerOnlyPermission,
      catalogConditions.isEntityOwner({ claims: ownershipEntityRefs }),
    );
  }
}
