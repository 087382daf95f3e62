import { compatWrapper } from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  coreApis,
  createFrontendPlugin,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { isTravisCiAvailable } from '@travis-ci-backstage/plugin-travis-ci-common';
import { TravisCiClient, travisCiApiRef } from './api';
import { DEFAULT_RECENT_BUILDS_LIMIT } from './components/RecentBuildsCard';
import { buildDetailsRouteRef, rootRouteRef } from './routes';
import { z } from 'zod';

/**
 * The Travis CI client, calling the Travis CI backend plugin.
 *
 * @public
 */
export const travisCiApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: travisCiApiRef,
      deps: { discoveryApi: coreApis.discovery, fetchApi: coreApis.fetch },
      factory: ({ discoveryApi, fetchApi }) =>
        new TravisCiClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The "Travis CI" tab of entities with the `travis-ci.com/repo-slug`
 * annotation: build list, filters, trigger, restart and cancel.
 *
 * @public
 */
export const travisCiEntityContent = EntityContentBlueprint.make({
  name: 'builds',
  params: {
    path: 'travis-ci',
    title: 'Travis CI',
    group: 'development',
    routeRef: rootRouteRef,
    filter: isTravisCiAvailable,
    loader: () =>
      import('./components/TravisCiContent').then(m =>
        compatWrapper(<m.TravisCiContent />),
      ),
  },
});

/**
 * Card with the latest build of the default branch, or of the branch set in
 * the extension config.
 *
 * @public
 */
export const travisCiLatestBuildCard = EntityCardBlueprint.makeWithOverrides({
  name: 'latest-build',
  configSchema: {
    branch: z
      .string()
      .min(1)
      .optional()
      .describe(
        'The branch whose latest build the card shows; the default branch when absent.',
      ),
  },
  factory(originalFactory, { config }) {
    return originalFactory({
      filter: isTravisCiAvailable,
      loader: () =>
        import('./components/LatestBuildCard').then(m =>
          compatWrapper(<m.LatestBuildCard branch={config.branch} />),
        ),
    });
  },
});

/**
 * Card with a compact list of recent builds; the count and an optional
 * branch come from the extension config.
 *
 * @public
 */
export const travisCiRecentBuildsCard = EntityCardBlueprint.makeWithOverrides({
  name: 'recent-builds',
  configSchema: {
    limit: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(DEFAULT_RECENT_BUILDS_LIMIT)
      .describe('How many builds the card lists.'),
    branch: z
      .string()
      .min(1)
      .optional()
      .describe('Lists only this branch; all branches when absent.'),
  },
  factory(originalFactory, { config }) {
    return originalFactory({
      filter: isTravisCiAvailable,
      loader: () =>
        import('./components/RecentBuildsCard').then(m =>
          compatWrapper(
            <m.RecentBuildsCard limit={config.limit} branch={config.branch} />,
          ),
        ),
    });
  },
});

/**
 * The Travis CI frontend plugin for the new frontend system.
 *
 * @public
 */
export const travisCiPlugin = createFrontendPlugin({
  pluginId: 'travis-ci',
  title: 'Travis CI',
  info: { packageJson: () => import('../package.json') },
  routes: {
    root: rootRouteRef,
    buildDetails: buildDetailsRouteRef,
  },
  extensions: [
    travisCiApi,
    travisCiEntityContent,
    travisCiLatestBuildCard,
    travisCiRecentBuildsCard,
  ],
});
