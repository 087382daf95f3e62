import { createBackend } from '@backstage/backend-defaults';
import { travisCiOwnerPermissionPolicyModule } from './permissionPolicy';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(travisCiOwnerPermissionPolicyModule);

backend.add(import('@travis-ci-backstage/plugin-travis-ci-backend'));

backend.start();
