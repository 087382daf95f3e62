import { useRouteRef } from '@backstage/frontend-plugin-api';
import { TravisBuild } from '@travis-ci-backstage/plugin-travis-ci-common';
import { useCallback } from 'react';
import { buildDetailsRouteRef } from '../routes';

/**
 * Returns a function that builds the link to a build's details view in the
 * entity's Travis CI tab.
 *
 * @remarks
 * Where the app does not mount the tab, such as an overview page without a
 * Travis CI tab, the link points at the build in Travis CI's web UI instead.
 */
export function useBuildDetailsLink(): (build: TravisBuild) => string {
  const buildDetailsRoute = useRouteRef(buildDetailsRouteRef);

  return useCallback(
    (build: TravisBuild) =>
      buildDetailsRoute
        ? buildDetailsRoute({ buildId: String(build.id) })
        : build.webUrl,
    [buildDetailsRoute],
  );
}
