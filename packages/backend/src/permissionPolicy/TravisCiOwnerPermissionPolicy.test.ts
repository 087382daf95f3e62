import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  travisCiBuildCancelPermission,
  travisCiBuildReadPermission,
  travisCiBuildRestartPermission,
  travisCiBuildTriggerPermission,
} from '@travis-ci-backstage/plugin-travis-ci-common';
import { TravisCiOwnerPermissionPolicy } from './TravisCiOwnerPermissionPolicy';

const janeOwnershipRefs = ['user:default/jane', 'group:default/team-a'];

// The deprecated `info` field holds other refs than the user info service,
// so a test fails if the policy reads the deprecated field.
const jane: PolicyQueryUser = {
  credentials: mockCredentials.user('user:default/jane'),
  info: {
    userEntityRef: 'user:default/jane',
    ownershipEntityRefs: ['user:default/stale'],
  },
};

describe('TravisCiOwnerPermissionPolicy', () => {
  const policy = new TravisCiOwnerPermissionPolicy({
    userInfo: mockServices.userInfo({
      userEntityRef: 'user:default/jane',
      ownershipEntityRefs: janeOwnershipRefs,
    }),
  });

  it('allows reading builds to every user', async () => {
    const decision = await policy.handle(
      { permission: travisCiBuildReadPermission },
      jane,
    );

    expect(decision).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('allows reading builds to service principals', async () => {
    const decision = await policy.handle({
      permission: travisCiBuildReadPermission,
    });

    expect(decision).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it.each([
    travisCiBuildTriggerPermission,
    travisCiBuildRestartPermission,
    travisCiBuildCancelPermission,
  ])('limits $name to owners of the entity', async permission => {
    const decision = await policy.handle({ permission }, jane);

    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: { claims: janeOwnershipRefs },
      },
    });
  });

  it.each([
    travisCiBuildTriggerPermission,
    travisCiBuildRestartPermission,
    travisCiBuildCancelPermission,
  ])('denies $name to service principals', async permission => {
    const decision = await policy.handle({ permission });

    expect(decision).toEqual({ result: AuthorizeResult.DENY });
  });

  it.each([catalogEntityReadPermission, catalogEntityDeletePermission])(
    'allows the catalog permission $name as the allow-all policy does',
    async permission => {
      const decision = await policy.handle({ permission }, jane);

      expect(decision).toEqual({ result: AuthorizeResult.ALLOW });
    },
  );
});
