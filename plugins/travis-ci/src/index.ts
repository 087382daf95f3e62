/**
 * Travis CI frontend plugin for Backstage: an entity tab with the build
 * list and actions, and overview cards.
 *
 * The default export is the plugin for the new frontend system. Apps on the
 * legacy frontend system import from `@travis-ci-backstage/plugin-travis-ci/legacy`.
 *
 * @packageDocumentation
 */

export { travisCiPlugin as default } from './plugin';
export {
  travisCiApi,
  travisCiEntityContent,
  travisCiLatestBuildCard,
  travisCiRecentBuildsCard,
} from './plugin';
export { RequestTimeoutError, TravisCiClient, travisCiApiRef } from './api';
export type { TravisCiApi } from './api';
export type { AutoRefreshIntervals } from './hooks/useAutoRefresh';
export { buildDetailsRouteRef, rootRouteRef } from './routes';
export { isTravisCiAvailable } from '@travis-ci-backstage/plugin-travis-ci-common';
