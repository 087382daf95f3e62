import {
  MockFetchApi,
  TestApiProvider,
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import {
  EntityTravisCIContent,
  EntityTravisCIOverviewCard,
  EntityTravisCiContent,
  EntityTravisCiLatestBuildCard,
  EntityTravisCiRecentBuildsCard,
  TravisCiClient,
  isTravisCiAvailable,
  isTravisciAvailable,
  travisCiApiRef,
  travisCiPlugin,
} from './legacy';
import { installFakeBackend } from './__testUtils__/fakeBackend';
import {
  entityWithoutAnnotation,
  makeBuild,
  testEntity,
} from './__testUtils__/fixtures';

jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

function renderLegacy(element: ReactNode, entity = testEntity) {
  const client = new TravisCiClient({
    discoveryApi: mockApis.discovery(),
    fetchApi: new MockFetchApi(),
  });
  return renderInTestApp(
    <TestApiProvider apis={[[travisCiApiRef, client]]}>
      <EntityProvider entity={entity}>{element}</EntityProvider>
    </TestApiProvider>,
    { routeEntries: ['/travis-ci'] },
  );
}

// As in a legacy entity page, where EntityLayout.Route gives the tab a path.
// The legacy app reads route paths from the element tree before rendering,
// so the Route must appear in it literally.
const contentAtItsPath = (
  <Routes>
    <Route path="/travis-ci/*" element={<EntityTravisCiContent />} />
  </Routes>
);

describe('legacy exports', () => {
  it('renders the Travis CI tab in a legacy app', async () => {
    const backend = installFakeBackend(server);
    backend.builds = [makeBuild({ state: 'failed' })];

    await renderLegacy(contentAtItsPath);

    expect(await screen.findByText('Travis CI builds')).toBeInTheDocument();
    expect(await screen.findByText('failed')).toBeInTheDocument();
    expect(
      await screen.findByRole('button', { name: 'Restart build #100' }),
    ).toBeInTheDocument();
  });

  it('shows the missing annotation state in a legacy app', async () => {
    await renderLegacy(contentAtItsPath, entityWithoutAnnotation);

    expect(await screen.findByText('Missing Annotation')).toBeInTheDocument();
  });

  it('renders the latest build card', async () => {
    const backend = installFakeBackend(server);
    backend.builds = [makeBuild({ state: 'errored' })];

    await renderLegacy(<EntityTravisCiLatestBuildCard />);

    expect(
      await screen.findByText('Latest Travis CI build'),
    ).toBeInTheDocument();
    expect(await screen.findByText('errored')).toBeInTheDocument();
  });

  it('renders the recent builds card with its props', async () => {
    const backend = installFakeBackend(server);
    backend.builds = [makeBuild({ branch: 'release', state: 'canceled' })];

    await renderLegacy(
      <EntityTravisCiRecentBuildsCard limit={3} branch="release" />,
    );

    expect(await screen.findByText('canceled')).toBeInTheDocument();
    expect(backend.buildListQueries.at(-1)?.get('limit')).toBe('3');
    expect(backend.buildListQueries.at(-1)?.get('branch')).toBe('release');
  });

  it('exports the annotation check and the plugin', () => {
    expect(travisCiPlugin.getId()).toBe('travis-ci');
    expect(isTravisCiAvailable(testEntity)).toBe(true);
    expect(isTravisCiAvailable(entityWithoutAnnotation)).toBe(false);
  });

  describe("Roadie's names", () => {
    it('renders the tab as EntityTravisCIContent', async () => {
      const backend = installFakeBackend(server);
      backend.builds = [makeBuild({ state: 'failed' })];

      await renderLegacy(
        <Routes>
          <Route path="/travis-ci/*" element={<EntityTravisCIContent />} />
        </Routes>,
      );

      expect(await screen.findByText('Travis CI builds')).toBeInTheDocument();
      expect(await screen.findByText('failed')).toBeInTheDocument();
    });

    it('renders the latest build as EntityTravisCIOverviewCard', async () => {
      const backend = installFakeBackend(server);
      backend.builds = [makeBuild({ state: 'errored' })];

      await renderLegacy(<EntityTravisCIOverviewCard />);

      expect(
        await screen.findByText('Latest Travis CI build'),
      ).toBeInTheDocument();
      expect(await screen.findByText('errored')).toBeInTheDocument();
    });

    it('checks the annotation as isTravisciAvailable', () => {
      expect(isTravisciAvailable(testEntity)).toBe(true);
      expect(isTravisciAvailable(entityWithoutAnnotation)).toBe(false);
    });
  });
});
