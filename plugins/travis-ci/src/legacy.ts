/**
 * The Travis CI frontend plugin for apps on the legacy frontend system
 * (`@backstage/core-plugin-api`). The names of the Roadie Travis CI plugin
 * are exported too, as deprecated aliases, so that its users switch by
 * changing the import path only.
 *
 * @packageDocumentation
 */

import {
  convertLegacyRouteRef,
  compatWrapper,
} from '@backstage/core-compat-api';
import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { isTravisCiAvailable } from '@travis-ci-backstage/plugin-travis-ci-common';
import { createElement } from 'react';
import { TravisCiClient, travisCiApiRef } from './api';
import type { LatestBuildCardProps } from './components/LatestBuildCard';
import type { RecentBuildsCardProps } from './components/RecentBuildsCard';
import type { TravisCiContentProps } from './components/TravisCiContent';
import { buildDetailsRouteRef, rootRouteRef } from './routes';

const legacyRootRouteRef = convertLegacyRouteRef(rootRouteRef);

/**
 * The Travis CI plugin for the legacy frontend system.
 *
 * @public
 */
export const travisCiPlugin = createPlugin({
  id: 'travis-ci',
  apis: [
    createApiFactory({
      api: travisCiApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new TravisCiClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: legacyRootRouteRef,
    buildDetails: convertLegacyRouteRef(buildDetailsRouteRef),
  },
});

/**
 * The Travis CI tab of an entity page: build list, filters, trigger,
 * restart and cancel. Place it in an `EntityLayout.Route`.
 *
 * @public
 */
export const EntityTravisCiContent = travisCiPlugin.provide(
  createRoutableExtension({
    name: 'EntityTravisCiContent',
    mountPoint: legacyRootRouteRef,
    component: () =>
      import('./components/TravisCiContent').then(
        m => (props: TravisCiContentProps) =>
          compatWrapper(createElement(m.TravisCiContent, props)),
      ),
  }),
);

/**
 * Card with the latest build of the default branch, or of `branch`.
 *
 * @public
 */
export const EntityTravisCiLatestBuildCard = travisCiPlugin.provide(
  createComponentExtension({
    name: 'EntityTravisCiLatestBuildCard',
    component: {
      lazy: () =>
        import('./components/LatestBuildCard').then(
          m => (props: LatestBuildCardProps) =>
            compatWrapper(createElement(m.LatestBuildCard, props)),
        ),
    },
  }),
);

/**
 * Card with a compact list of recent builds, `limit` builds (5 unless set)
 * of all branches or of `branch`.
 *
 * @public
 */
export const EntityTravisCiRecentBuildsCard = travisCiPlugin.provide(
  createComponentExtension({
    name: 'EntityTravisCiRecentBuildsCard',
    component: {
      lazy: () =>
        import('./components/RecentBuildsCard').then(
          m => (props: RecentBuildsCardProps) =>
            compatWrapper(createElement(m.RecentBuildsCard, props)),
        ),
    },
  }),
);

/**
 * The Roadie Travis CI plugin's name for {@link EntityTravisCiContent}.
 *
 * @public
 * @deprecated Use {@link EntityTravisCiContent} instead.
 */
export const EntityTravisCIContent = EntityTravisCiContent;

/**
 * The Roadie Travis CI plugin's name for its overview card, which showed
 * the latest build, as {@link EntityTravisCiLatestBuildCard} does.
 *
 * @public
 * @deprecated Use {@link EntityTravisCiLatestBuildCard} instead.
 */
export const EntityTravisCIOverviewCard = EntityTravisCiLatestBuildCard;

/**
 * The Roadie Travis CI plugin's name for {@link isTravisCiAvailable}.
 *
 * @public
 * @deprecated Use {@link isTravisCiAvailable} instead.
 */
export const isTravisciAvailable = isTravisCiAvailable;

export { isTravisCiAvailable };
export { RequestTimeoutError, TravisCiClient, travisCiApiRef } from './api';
export type { TravisCiApi } from './api';
export type { AutoRefreshIntervals } from './hooks/useAutoRefresh';
export type {
  LatestBuildCardProps,
  RecentBuildsCardProps,
  TravisCiContentProps,
};
