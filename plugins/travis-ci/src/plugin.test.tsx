import {
  mockApis,
  registerMswTestHooks,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor } from '@testing-library/react';
import { setupServer } from 'msw/node';
import travisCiPluginFromIndex from './index';
import { travisCiPlugin } from './plugin';
import { installFakeBackend } from './__testUtils__/fakeBackend';
import {
  entityWithoutAnnotation,
  makeBuild,
  testEntity,
} from './__testUtils__/fixtures';

jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

// The plugin's own API extension builds the client from these.
const apis = [mockApis.discovery(), mockApis.fetch()] as const;

type ExtensionConfig = {
  [id: string]: boolean | { config: { [key: string]: string | number } };
};

function configureExtensions(extensions: ExtensionConfig[]) {
  return { app: { extensions } };
}

describe('travisCiPlugin', () => {
  it('is the default export of the package', () => {
    expect(travisCiPluginFromIndex).toBe(travisCiPlugin);
    expect(travisCiPlugin.pluginId).toBe('travis-ci');
  });

  it('shows the Travis CI tab for an annotated entity', async () => {
    const backend = installFakeBackend(server);
    backend.builds = [makeBuild({ state: 'failed' })];

    renderTestApp({
      extensions: [createTestEntityPage({ entity: testEntity })],
      features: [travisCiPlugin],
      apis,
      config: configureExtensions([
        { 'entity-card:travis-ci/latest-build': false },
        { 'entity-card:travis-ci/recent-builds': false },
      ]),
    });

    expect(await screen.findByText('Travis CI builds')).toBeInTheDocument();
    expect(await screen.findByText('failed')).toBeInTheDocument();
  });

  it('leaves entities without the annotation alone', async () => {
    const backend = installFakeBackend(server);

    renderTestApp({
      extensions: [createTestEntityPage({ entity: entityWithoutAnnotation })],
      features: [travisCiPlugin],
      apis,
    });

    expect(await screen.findByTestId('empty-entity-page')).toBeInTheDocument();
    expect(backend.buildListQueries).toHaveLength(0);
  });

  it('passes the recent builds card config to the backend query', async () => {
    const backend = installFakeBackend(server);
    backend.builds = [makeBuild({ branch: 'release', state: 'errored' })];

    renderTestApp({
      extensions: [createTestEntityPage({ entity: testEntity })],
      features: [travisCiPlugin],
      apis,
      config: configureExtensions([
        { 'entity-content:travis-ci/builds': false },
        { 'entity-card:travis-ci/latest-build': false },
        {
          'entity-card:travis-ci/recent-builds': {
            config: { limit: 3, branch: 'release' },
          },
        },
      ]),
    });

    expect(
      await screen.findByText('Recent Travis CI builds'),
    ).toBeInTheDocument();
    expect(await screen.findByText('errored')).toBeInTheDocument();
    const query = backend.buildListQueries.at(-1)!;
    expect(query.get('limit')).toBe('3');
    expect(query.get('branch')).toBe('release');
  });

  it('shows the latest build card on the default branch', async () => {
    const backend = installFakeBackend(server);
    backend.builds = [makeBuild({ branch: 'main', state: 'passed' })];

    renderTestApp({
      extensions: [createTestEntityPage({ entity: testEntity })],
      features: [travisCiPlugin],
      apis,
      config: configureExtensions([
        { 'entity-content:travis-ci/builds': false },
        { 'entity-card:travis-ci/recent-builds': false },
      ]),
    });

    expect(
      await screen.findByText('Latest Travis CI build'),
    ).toBeInTheDocument();
    expect(await screen.findByText('passed')).toBeInTheDocument();
    await waitFor(() =>
      expect(backend.buildListQueries.at(-1)?.get('branch')).toBe('main'),
    );
  });
});
