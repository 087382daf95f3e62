export { travisCiOwnerPermissionPolicyModule } from './module';
export { TravisCiOwnerPermissionPolicy } from './TravisCiOwnerPermissionPolicy';
