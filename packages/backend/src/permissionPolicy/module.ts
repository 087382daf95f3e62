import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { TravisCiOwnerPermissionPolicy } from './TravisCiOwnerPermissionPolicy';

/**
 * Installs {@link TravisCiOwnerPermissionPolicy} as the permission
 * backend's policy, in place of the allow-all policy module.
 */
export const travisCiOwnerPermissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'travis-ci-owner-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, userInfo }) {
        policy.setPolicy(new TravisCiOwnerPermissionPolicy({ userInfo }));
      },
    });
  },
});
