import { createPermission } from '@backstage/plugin-permission-common';

// The catalog's resource type, written out so that this package does not
// depend on the catalog plugin packages.
const CATALOG_ENTITY_RESOURCE_TYPE = 'catalog-entity';

/**
 * Allows reading the Travis CI builds, jobs, branches and logs of an entity.
 *
 * @public
 */
export const travisCiBuildReadPermission = createPermission({
  name: 'travis-ci.build.read',
  attributes: { action: 'read' },
  resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
});

/**
 * Allows triggering a new Travis CI build of an entity's repository.
 *
 * @public
 */
export const travisCiBuildTriggerPermission = createPermission({
  name: 'travis-ci.build.trigger',
  attributes: { action: 'create' },
  resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
});

/**
 * Allows restarting a Travis CI build or job of an entity.
 *
 * @public
 */
export const travisCiBuildRestartPermission = createPermission({
  name: 'travis-ci.build.restart',
  attributes: { action: 'update' },
  resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
});

/**
 * Allows canceling a Travis CI build or job of an entity.
 *
 * @public
 */
export const travisCiBuildCancelPermission = createPermission({
  name: 'travis-ci.build.cancel',
  attributes: { action: 'update' },
  resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
});

/**
 * Every permission of the Travis CI plugin, for registration with the
 * permissions registry.
 *
 * @public
 */
export const travisCiPermissions = [
  travisCiBuildReadPermission,
  travisCiBuildTriggerPermission,
  travisCiBuildRestartPermission,
  travisCiBuildCancelPermission,
];
