import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  installFakeBackend,
  errorResponse,
} from '../../__testUtils__/fakeBackend';
import {
  READ_ONLY,
  TEST_ENTITY_URL,
  entityWithoutAnnotation,
  makeBuild,
} from '../../__testUtils__/fixtures';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { LatestBuildCard } from './LatestBuildCard';

jest.setTimeout(20_000);

const TAB_PATH = '/catalog/default/component/payments-api/travis-ci';

const server = setupServer();
registerMswTestHooks(server);

describe('LatestBuildCard', () => {
  it('shows the latest build of the default branch', async () => {
    const backend = installFakeBackend(server);
    backend.branches = [
      { name: 'feature/x', defaultBranch: false },
      { name: 'trunk', defaultBranch: true },
    ];
    backend.builds = [
      makeBuild({
        id: 1005,
        number: '105',
        branch: 'feature/x',
        state: 'passed',
      }),
      makeBuild({ id: 1004, number: '104', branch: 'trunk', state: 'failed' }),
    ];

    renderWithEntity(<LatestBuildCard />);

    expect(await screen.findByText('failed')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^Build #104/ })).toHaveAttribute(
      'href',
      backend.builds[1].webUrl,
    );
    expect(screen.getByText('Branch trunk')).toBeInTheDocument();
    expect(screen.getByText('Fix rounding of refunds')).toBeInTheDocument();
    expect(screen.getByText(/^Finished/)).toBeInTheDocument();
    expect(backend.buildListQueries.at(-1)?.get('branch')).toBe('trunk');
    expect(backend.buildListQueries.at(-1)?.get('limit')).toBe('1');
  });

  it('links into the mounted Travis CI tab', async () => {
    const backend = installFakeBackend(server);
    backend.builds = [makeBuild({ id: 1004, number: '104' })];

    renderWithEntity(<LatestBuildCard />, { tabPath: TAB_PATH });

    expect(
      await screen.findByRole('link', { name: 'Build #104' }),
    ).toHaveAttribute('href', `${TAB_PATH}/builds/1004`);
  });

  it('uses the configured branch', async () => {
    const backend = installFakeBackend(server);
    backend.builds = [makeBuild({ branch: 'release' })];

    renderWithEntity(<LatestBuildCard branch="release" />);

    expect(await screen.findByText('passed')).toBeInTheDocument();
    expect(backend.buildListQueries.at(-1)?.get('branch')).toBe('release');
  });

  it('restarts the build when allowed', async () => {
    const backend = installFakeBackend(server);
    backend.builds = [makeBuild({ state: 'failed' })];
    backend.onAction = () => {
      backend.builds = [makeBuild({ state: 'created', duration: undefined })];
    };

    const { toastApi } = renderWithEntity(
      <LatestBuildCard
        refreshIntervals={{ visibleMs: 60_000, hiddenMs: 60_000 }}
      />,
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Restart build #100' }),
    );

    expect(await screen.findByText('created')).toBeInTheDocument();
    expect(toastApi.getToasts()).toEqual([
      expect.objectContaining({ status: 'success' }),
    ]);
  });

  it('hides restart from readers', async () => {
    const backend = installFakeBackend(server);
    backend.actions = READ_ONLY;
    backend.builds = [makeBuild({ state: 'failed' })];

    renderWithEntity(<LatestBuildCard />);

    expect(await screen.findByText('failed')).toBeInTheDocument();
    await backend.waitForActionsResponse();
    expect(
      screen.queryByRole('button', { name: /Restart/ }),
    ).not.toBeInTheDocument();
  });

  it('says when the repository was never built', async () => {
    const backend = installFakeBackend(server);
    backend.branches = [];

    renderWithEntity(<LatestBuildCard />);

    expect(await screen.findByText(/^No builds yet/)).toBeInTheDocument();
    expect(backend.buildListQueries).toHaveLength(0);
  });

  it('retries after a failed branch request', async () => {
    const backend = installFakeBackend(server);
    backend.builds = [makeBuild({ state: 'failed' })];
    let branchRequests = 0;
    server.use(
      http.get(`${TEST_ENTITY_URL}/branches`, () => {
        branchRequests += 1;
        if (branchRequests === 1) {
          return HttpResponse.error();
        }
        return HttpResponse.json({ branches: backend.branches });
      }),
    );

    renderWithEntity(<LatestBuildCard />);

    expect(
      await screen.findByText('Could not reach Backstage'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));

    expect(await screen.findByText('failed')).toBeInTheDocument();
    expect(branchRequests).toBe(2);
  });

  it('shows the compact error of a rejected token', async () => {
    installFakeBackend(server);
    server.use(
      http.get(`${TEST_ENTITY_URL}/branches`, () =>
        errorResponse(502, {
          name: 'Error',
          message: 'Travis answered 403',
          code: 'token-rejected',
        }),
      ),
    );

    renderWithEntity(<LatestBuildCard />);

    expect(
      await screen.findByText('Travis CI rejected the token'),
    ).toBeInTheDocument();
  });

  it('shows a spinner until the build arrives', async () => {
    const backend = installFakeBackend(server);
    backend.builds = [makeBuild({ state: 'passed' })];
    // Holds the build list request until the test lets it through to the
    // fake backend's handler.
    let respond: () => void = () => {};
    const held = new Promise<void>(resolve => {
      respond = resolve;
    });
    server.use(
      http.get(`${TEST_ENTITY_URL}/builds`, async () => {
        await held;
      }),
    );

    renderWithEntity(<LatestBuildCard />);

    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    respond();
    expect(await screen.findByText('passed')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('says when to retry after a rate limit', async () => {
    installFakeBackend(server);
    server.use(
      http.get(`${TEST_ENTITY_URL}/builds`, () =>
        errorResponse(429, {
          name: 'TooManyRequestsError',
          message: 'Rate limited',
          code: 'rate-limited',
          retryAfterSeconds: 42,
        }),
      ),
    );

    renderWithEntity(<LatestBuildCard />);

    expect(
      await screen.findByText('Travis CI rate limit reached'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Try again in 42 seconds/)).toBeInTheDocument();
  });

  it('explains a network error with a retry', async () => {
    const backend = installFakeBackend(server);
    backend.builds = [makeBuild({ state: 'canceled' })];
    server.use(
      http.get(`${TEST_ENTITY_URL}/builds`, () => HttpResponse.error(), {
        once: true,
      }),
    );

    renderWithEntity(<LatestBuildCard />);

    expect(
      await screen.findByText('Could not reach Backstage'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('canceled')).toBeInTheDocument();
  });

  it('explains the missing annotation', async () => {
    renderWithEntity(<LatestBuildCard />, { entity: entityWithoutAnnotation });

    expect(await screen.findByText(/annotation, such as/)).toBeInTheDocument();
  });
});
