import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { TravisBuildState } from '@travis-ci-backstage/plugin-travis-ci-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import {
  installFakeBackend,
  errorResponse,
} from '../../__testUtils__/fakeBackend';
import { READ_ONLY, makeBuild } from '../../__testUtils__/fixtures';
import {
  advanceIntervals,
  advanceIntervalsUntil,
  installFakeIntervals,
} from '../../__testUtils__/fakeIntervals';
import { waitUntil } from '../../__testUtils__/waitUntil';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { BuildsTable } from './BuildsTable';

// material-table renders slowly on a busy machine; the default 5 s is tight.
jest.setTimeout(20_000);

// Waits on a loaded machine end as soon as the element appears.
const SLOW_RENDER = { timeout: 10_000 };

const server = setupServer();
registerMswTestHooks(server);

afterEach(() => {
  jest.useRealTimers();
});

const ALL_STATES: TravisBuildState[] = [
  'created',
  'received',
  'started',
  'passed',
  'failed',
  'errored',
  'canceled',
];

function makeBuilds(count: number) {
  return Array.from({ length: count }, (_, index) =>
    makeBuild({ id: 2000 - index, number: String(500 - index) }),
  );
}

// External links carry a visually hidden ", Opens in a new window".
function buildLinkName(number: string) {
  return new RegExp(`^#${number}\\b`);
}

async function chooseOption(label: string, option: string) {
  fireEvent.mouseDown(screen.getByLabelText(label));
  const listbox = await screen.findByRole('listbox');
  await userEvent.click(within(listbox).getByText(option));
}

describe('BuildsTable', () => {
  it('shows every column of a build', async () => {
    const backend = installFakeBackend(server);
    backend.builds = [
      makeBuild({
        id: 1001,
        number: '101',
        eventType: 'pull_request',
        branch: 'main',
        pullRequest: {
          number: 42,
          title: 'Add refunds',
          url: 'https://github.com/acme/payments-api/pull/42',
        },
        createdBy: 'hubot',
      }),
    ];

    renderWithEntity(<BuildsTable />);

    const numberLink = await screen.findByRole('link', {
      name: buildLinkName('101'),
    });
    expect(numberLink).toHaveAttribute('href', backend.builds[0].webUrl);
    expect(screen.getByText('passed')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /^#42 Add refunds/ }),
    ).toHaveAttribute('href', 'https://github.com/acme/payments-api/pull/42');
    expect(screen.getByText('into main')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^a1b2c3d/ })).toHaveAttribute(
      'href',
      'https://github.com/acme/payments-api/commit/a1b2c3d4e5f6',
    );
    expect(screen.getByText('Fix rounding of refunds')).toBeInTheDocument();
    expect(screen.getByText('Pull request')).toBeInTheDocument();
    expect(screen.getByText('hubot')).toBeInTheDocument();
    expect(screen.getByText('3m 05s')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Open build #101 in Travis CI' }),
    ).toHaveAttribute('href', backend.builds[0].webUrl);
  });

  it('labels each Travis state with its own name', async () => {
    const backend = installFakeBackend(server);
    backend.builds = ALL_STATES.map((state, index) =>
      makeBuild({ id: 3000 + index, state }),
    );

    renderWithEntity(<BuildsTable />);

    await screen.findByText('canceled');
    for (const state of ALL_STATES) {
      expect(screen.getByText(state)).toBeInTheDocument();
    }
  });

  it('shows a tag build by its tag', async () => {
    const backend = installFakeBackend(server);
    backend.builds = [makeBuild({ branch: undefined, tag: 'v1.2.0' })];

    renderWithEntity(<BuildsTable />);

    expect(await screen.findByText('tag v1.2.0')).toBeInTheDocument();
  });

  it('pages through the total count of the backend', async () => {
    const backend = installFakeBackend(server);
    backend.builds = makeBuilds(25);

    renderWithEntity(<BuildsTable initialPageSize={10} />);

    expect(await screen.findByText('1-10 of 25')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: buildLinkName('500') }),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));

    expect(await screen.findByText('11-20 of 25')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: buildLinkName('490') }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: buildLinkName('500') }),
    ).not.toBeInTheDocument();
    expect(backend.buildListQueries.at(-1)?.get('offset')).toBe('10');
    expect(backend.buildListQueries.at(-1)?.get('limit')).toBe('10');
  });

  it('changes the page size', async () => {
    const backend = installFakeBackend(server);
    backend.builds = makeBuilds(25);

    renderWithEntity(<BuildsTable initialPageSize={10} />);
    await screen.findByText('1-10 of 25');
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText('11-20 of 25');

    fireEvent.mouseDown(screen.getByRole('button', { name: /Rows per page/ }));
    await userEvent.click(
      within(await screen.findByRole('listbox')).getByText('25'),
    );

    expect(await screen.findByText('1-25 of 25')).toBeInTheDocument();
    expect(backend.buildListQueries.at(-1)?.get('limit')).toBe('25');
    expect(backend.buildListQueries.at(-1)?.get('offset')).toBe('0');
  });

  it('filters by branch, state and event type', async () => {
    const backend = installFakeBackend(server);
    backend.builds = [
      makeBuild({ id: 1, number: '1', branch: 'main', state: 'passed' }),
      makeBuild({
        id: 2,
        number: '2',
        branch: 'feature/refunds',
        state: 'failed',
      }),
      makeBuild({
        id: 3,
        number: '3',
        branch: 'feature/refunds',
        state: 'failed',
        eventType: 'cron',
      }),
    ];

    renderWithEntity(<BuildsTable />);
    await screen.findByRole('link', { name: buildLinkName('1') });

    await chooseOption('Branch', 'feature/refunds');
    await waitFor(() =>
      expect(
        screen.queryByRole('link', { name: buildLinkName('1') }),
      ).not.toBeInTheDocument(),
    );
    expect(backend.buildListQueries.at(-1)?.get('branch')).toBe(
      'feature/refunds',
    );

    await chooseOption('State', 'failed');
    await chooseOption('Event type', 'Cron');

    await waitFor(() =>
      expect(
        screen.queryByRole('link', { name: buildLinkName('2') }),
      ).not.toBeInTheDocument(),
    );
    expect(
      screen.getByRole('link', { name: buildLinkName('3') }),
    ).toBeInTheDocument();
    const lastQuery = backend.buildListQueries.at(-1)!;
    expect(lastQuery.get('branch')).toBe('feature/refunds');
    expect(lastQuery.get('state')).toBe('failed');
    expect(lastQuery.get('eventType')).toBe('cron');
  });

  it('offers to clear filters that match nothing', async () => {
    const backend = installFakeBackend(server);
    backend.builds = [makeBuild({ state: 'passed' })];

    renderWithEntity(<BuildsTable />);
    await screen.findByRole('link', { name: buildLinkName('100') });

    await chooseOption('State', 'errored');

    expect(
      await screen.findByText('No builds match these filters.'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    expect(
      await screen.findByRole('link', { name: buildLinkName('100') }),
    ).toBeInTheDocument();
  });

  it('explains how to start the first build', async () => {
    const backend = installFakeBackend(server);
    backend.builds = [];

    renderWithEntity(<BuildsTable />);

    expect(await screen.findByText('No builds yet')).toBeInTheDocument();
    expect(
      screen.getByText(/Travis CI has not built acme\/payments-api yet/),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('button', { name: 'Trigger the first build' }),
    ).toBeInTheDocument();
  });

  it('shows no action buttons to a reader', async () => {
    const backend = installFakeBackend(server);
    backend.actions = READ_ONLY;
    backend.builds = [
      makeBuild({ state: 'failed' }),
      makeBuild({ id: 1001, state: 'started' }),
    ];

    renderWithEntity(<BuildsTable />);
    await screen.findByRole('link', { name: buildLinkName('100') });

    // The open-in-Travis link is the only action a reader gets.
    await backend.waitForActionsResponse();
    expect(
      screen.queryByRole('button', { name: /Restart build/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Cancel build/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Trigger build' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Open build #100 in Travis CI' }),
    ).toBeInTheDocument();
  });

  it('shows only the actions that the backend allows', async () => {
    const backend = installFakeBackend(server);
    backend.actions = { ...READ_ONLY, restart: { allowed: true } };
    backend.builds = [makeBuild({ state: 'failed' })];

    renderWithEntity(<BuildsTable />);

    expect(
      await screen.findByRole('button', { name: 'Restart build #100' }),
    ).toBeEnabled();
    await backend.waitForActionsResponse();
    expect(
      screen.queryByRole('button', { name: /Cancel build/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Trigger build' }),
    ).not.toBeInTheDocument();
  });

  it('disables actions that the build state does not allow', async () => {
    const backend = installFakeBackend(server);
    backend.builds = [
      makeBuild({
        id: 1001,
        number: '101',
        state: 'started',
        duration: undefined,
        finishedAt: undefined,
      }),
      makeBuild({ id: 1002, number: '102', state: 'passed' }),
    ];

    renderWithEntity(
      <BuildsTable
        refreshIntervals={{ visibleMs: 60_000, hiddenMs: 60_000 }}
      />,
    );

    const restartRunning = await screen.findByRole('button', {
      name: 'Restart build #101',
    });
    expect(restartRunning).toHaveAttribute('aria-disabled', 'true');
    expect(restartRunning).toHaveAccessibleDescription(
      'Only finished builds can be restarted; build #101 is started.',
    );
    expect(
      screen.getByRole('button', { name: 'Cancel build #101' }),
    ).toBeEnabled();
    expect(
      screen.getByRole('button', { name: 'Restart build #102' }),
    ).toBeEnabled();
    const cancelPassed = screen.getByRole('button', {
      name: 'Cancel build #102',
    });
    expect(cancelPassed).toHaveAttribute('aria-disabled', 'true');
    expect(cancelPassed).toHaveAccessibleDescription(
      'Only created, received or started builds can be canceled; build #102 is passed.',
    );

    // The reason is reachable by keyboard, and a click sends nothing.
    restartRunning.focus();
    expect(restartRunning).toHaveFocus();
    await userEvent.click(restartRunning);
    expect(backend.actionRequests).toEqual([]);

    await userEvent.hover(restartRunning);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Only finished builds can be restarted; build #101 is started.',
    );
  });

  it('restarts a build and shows its new state', async () => {
    const backend = installFakeBackend(server);
    backend.builds = [makeBuild({ state: 'failed' })];
    backend.onAction = (buildId, action) => {
      if (action === 'restart') {
        backend.builds = backend.builds.map(build =>
          build.id === buildId ? { ...build, state: 'created' } : build,
        );
      }
    };

    const { toastApi } = renderWithEntity(
      <BuildsTable
        refreshIntervals={{ visibleMs: 60_000, hiddenMs: 60_000 }}
      />,
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Restart build #100' }),
    );

    expect(await screen.findByText('created')).toBeInTheDocument();
    expect(backend.actionRequests).toEqual(['restart 1000']);
    expect(toastApi.getToasts()).toEqual([
      expect.objectContaining({
        title: 'Travis CI accepted the restart of build #100.',
        status: 'success',
      }),
    ]);
  });

  it('reports a rejected cancel without a success message', async () => {
    const backend = installFakeBackend(server);
    backend.builds = [makeBuild({ state: 'started', duration: undefined })];
    server.use(
      http.post('*/builds/1000/cancel', () =>
        errorResponse(409, {
          name: 'ConflictError',
          message: 'Build 1000 is already finished.',
        }),
      ),
    );

    const { toastApi } = renderWithEntity(
      <BuildsTable
        refreshIntervals={{ visibleMs: 60_000, hiddenMs: 60_000 }}
      />,
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Cancel build #100' }),
    );

    await waitUntil('the error notice', () => toastApi.getToasts().length > 0);
    expect(toastApi.getToasts()).toEqual([
      {
        title: 'Could not cancel build #100: Build 1000 is already finished.',
        status: 'danger',
        timeout: undefined,
      },
    ]);
  });

  it('refreshes while a build runs and stops once none is active', async () => {
    installFakeIntervals();
    const backend = installFakeBackend(server);
    backend.builds = [makeBuild({ state: 'started', duration: undefined })];
    const interval = 10_000;

    renderWithEntity(
      <BuildsTable
        refreshIntervals={{ visibleMs: interval, hiddenMs: interval }}
      />,
    );
    await screen.findByText('started', undefined, SLOW_RENDER);
    expect(
      screen.getByText(
        'Refreshes automatically while builds are queued or running',
      ),
    ).toBeInTheDocument();
    expect(backend.buildListQueries).toHaveLength(1);

    await advanceIntervalsUntil(
      'the second build list request',
      interval,
      () => backend.buildListQueries.length === 2,
    );

    backend.builds = [makeBuild({ state: 'passed' })];
    await advanceIntervalsUntil(
      'the passed build',
      interval,
      () => screen.queryByText('passed') !== null,
    );
    expect(backend.buildListQueries).toHaveLength(3);

    // Ten more intervals would start a refresh if the timer still ran. The
    // Refresh button is disabled while a request is in flight, so once it is
    // enabled again any such request has been counted.
    expect(jest.getTimerCount()).toBe(0);
    advanceIntervals(10 * interval);
    await waitUntil(
      'the list to settle',
      () =>
        !screen.getByRole<HTMLButtonElement>('button', { name: 'Refresh' })
          .disabled,
    );
    expect(backend.buildListQueries).toHaveLength(3);
  });

  it('refreshes after a trigger until the build appears', async () => {
    installFakeIntervals();
    const backend = installFakeBackend(server);
    backend.builds = [makeBuild({ id: 1000, number: '100', state: 'passed' })];
    const interval = 10_000;

    renderWithEntity(
      <BuildsTable
        refreshIntervals={{ visibleMs: interval, hiddenMs: interval }}
      />,
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Trigger build' }, SLOW_RENDER),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Trigger build' }),
    );

    expect(
      await screen.findByText(
        'Refreshes automatically until the triggered build appears',
        undefined,
        SLOW_RENDER,
      ),
    ).toBeInTheDocument();
    expect(backend.triggerRequests).toHaveLength(1);

    // Travis CI has not created the build yet: the list keeps refreshing.
    await advanceIntervalsUntil(
      'two refreshes without the new build',
      interval,
      () => backend.buildListQueries.length >= 3,
    );

    // A passed build, so that only the wait for it keeps the list refreshing.
    backend.builds = [
      makeBuild({ id: 1001, number: '101', state: 'passed' }),
      ...backend.builds,
    ];
    await advanceIntervalsUntil(
      'the triggered build',
      interval,
      () => screen.queryByRole('link', { name: buildLinkName('101') }) !== null,
    );
    expect(
      screen.queryByText(
        'Refreshes automatically until the triggered build appears',
      ),
    ).not.toBeInTheDocument();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('refreshes on request', async () => {
    const backend = installFakeBackend(server);
    backend.builds = [makeBuild({ state: 'passed' })];

    renderWithEntity(<BuildsTable />);
    await screen.findByText('passed');
    backend.builds = [
      makeBuild({ state: 'passed' }),
      makeBuild({ id: 1001, state: 'failed' }),
    ];

    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));

    expect(await screen.findByText('failed')).toBeInTheDocument();
  });
});
