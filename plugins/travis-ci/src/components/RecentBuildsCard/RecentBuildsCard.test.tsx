import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import {
  installFakeBackend,
  errorResponse,
} from '../../__testUtils__/fakeBackend';
import { TEST_ENTITY_URL, makeBuild } from '../../__testUtils__/fixtures';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { RecentBuildsCard } from './RecentBuildsCard';

jest.setTimeout(20_000);

const server = setupServer();
registerMswTestHooks(server);

describe('RecentBuildsCard', () => {
  it('lists five builds of all branches by default', async () => {
    const backend = installFakeBackend(server);
    backend.builds = Array.from({ length: 8 }, (_, index) =>
      makeBuild({ id: 2000 + index, number: String(10 + index) }),
    );

    renderWithEntity(<RecentBuildsCard />);

    expect(
      await screen.findByRole('link', { name: /^#10\b/ }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^#14\b/ })).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: /^#15\b/ }),
    ).not.toBeInTheDocument();
    expect(screen.getByText('All branches')).toBeInTheDocument();
    expect(backend.buildListQueries.at(-1)?.get('limit')).toBe('5');
    expect(backend.buildListQueries.at(-1)?.has('branch')).toBe(false);
  });

  it('uses the configured count and branch', async () => {
    const backend = installFakeBackend(server);
    backend.builds = [
      makeBuild({ id: 1, number: '1', branch: 'main', state: 'failed' }),
      makeBuild({ id: 2, number: '2', branch: 'release', state: 'errored' }),
    ];

    renderWithEntity(<RecentBuildsCard limit={2} branch="release" />);

    expect(await screen.findByText('errored')).toBeInTheDocument();
    expect(screen.queryByText('failed')).not.toBeInTheDocument();
    expect(screen.getByText('Branch release')).toBeInTheDocument();
    expect(backend.buildListQueries.at(-1)?.get('limit')).toBe('2');
    expect(backend.buildListQueries.at(-1)?.get('branch')).toBe('release');
  });

  it('names the time of each build', async () => {
    const backend = installFakeBackend(server);
    backend.builds = [
      makeBuild({ id: 3, number: '3', state: 'passed' }),
      makeBuild({
        id: 2,
        number: '2',
        state: 'started',
        finishedAt: undefined,
        duration: undefined,
      }),
      makeBuild({
        id: 1,
        number: '1',
        state: 'created',
        startedAt: undefined,
        finishedAt: undefined,
        duration: undefined,
      }),
    ];

    renderWithEntity(<RecentBuildsCard />);

    const items = await screen.findAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent(/finished .+ ago/);
    expect(items[1]).toHaveTextContent(/started .+ ago/);
    expect(items[2]).toHaveTextContent(/created .+ ago/);
  });

  it('links into the mounted Travis CI tab', async () => {
    const backend = installFakeBackend(server);
    backend.builds = [makeBuild({ id: 1004, number: '104' })];
    const tabPath = '/catalog/default/component/payments-api/travis-ci';

    renderWithEntity(<RecentBuildsCard />, { tabPath });

    expect(await screen.findByRole('link', { name: '#104' })).toHaveAttribute(
      'href',
      `${tabPath}/builds/1004`,
    );
  });

  it('says when there are no builds', async () => {
    installFakeBackend(server);

    renderWithEntity(<RecentBuildsCard />);

    expect(await screen.findByText(/^No builds yet/)).toBeInTheDocument();
  });

  it('shows the compact error of an unknown repository', async () => {
    installFakeBackend(server);
    server.use(
      http.get(`${TEST_ENTITY_URL}/builds`, () =>
        errorResponse(404, {
          name: 'NotFoundError',
          message: 'gone',
          code: 'repository-not-found',
        }),
      ),
    );

    renderWithEntity(<RecentBuildsCard />);

    expect(
      await screen.findByText('Repository not found on Travis CI'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
