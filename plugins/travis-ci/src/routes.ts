import {
  createRouteRef,
  createSubRouteRef,
} from '@backstage/frontend-plugin-api';

/**
 * The entity's Travis CI tab.
 *
 * @public
 */
export const rootRouteRef = createRouteRef();

/**
 * One build of the entity's Travis CI tab, relative to {@link rootRouteRef}.
 *
 * @public
 */
export const buildDetailsRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/builds/:buildId',
});
