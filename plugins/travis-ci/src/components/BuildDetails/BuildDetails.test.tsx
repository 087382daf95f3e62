import {
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TravisBuildDetails } from '@travis-ci-backstage/plugin-travis-ci-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Route, Routes } from 'react-router-dom';
import { TravisCiClient, travisCiApiRef } from '../../api';
import { errorResponse } from '../../__testUtils__/fakeBackend';
import {
  ALL_ALLOWED,
  READ_ONLY,
  TEST_ENTITY_URL,
  makeBuild,
  testEntity,
} from '../../__testUtils__/fixtures';
import {
  advanceIntervals,
  advanceIntervalsUntil,
  installFakeIntervals,
} from '../../__testUtils__/fakeIntervals';
import { waitForResponseApplied } from '../../__testUtils__/waitUntil';
import { FakeJobLogs } from '../JobLog/__testUtils__/FakeJobLogs';
import { BuildDetails, BuildDetailsProps } from './BuildDetails';

jest.mock('react-virtualized-auto-sizer', () =>
  require('../JobLog/__testUtils__/fixedSizeAutoSizer'),
);

jest.setTimeout(20_000);

// Waits on a loaded machine end as soon as the element appears.
const SLOW_RENDER = { timeout: 10_000 };

const server = setupServer();
registerMswTestHooks(server);

afterEach(() => {
  jest.useRealTimers();
});

const FAILED_BUILD: TravisBuildDetails = {
  ...makeBuild({
    id: 1001,
    number: '41',
    state: 'failed',
    eventType: 'pull_request',
    branch: 'main',
    pullRequest: { number: 42, title: 'Add refunds' },
    createdBy: 'octocat',
  }),
  stages: [
    { id: 2, number: 2, name: 'deploy', state: 'canceled' },
    { id: 1, number: 1, name: 'test', state: 'failed' },
  ],
  jobs: [
    {
      id: 5012,
      number: '41.2',
      state: 'failed',
      allowFailure: false,
      stageId: 1,
      os: 'linux',
      dist: 'jammy',
      language: 'node_js',
      env: 'NODE_VERSION=22',
      duration: 95,
      webUrl: 'https://app.travis-ci.com/github/acme/payments-api/jobs/5012',
    },
    {
      id: 5011,
      number: '41.1',
      state: 'passed',
      allowFailure: true,
      stageId: 1,
      os: 'osx',
      language: 'node_js',
      env: 'NODE_VERSION=20',
      duration: 61,
      webUrl: 'https://app.travis-ci.com/github/acme/payments-api/jobs/5011',
    },
    {
      id: 5013,
      number: '41.3',
      state: 'canceled',
      allowFailure: false,
      stageId: 2,
      name: 'Deploy to staging',
      webUrl: 'https://app.travis-ci.com/github/acme/payments-api/jobs/5013',
    },
  ],
};

/** Serves one build, the actions and job actions; returns the action requests. */
function serveBuild(
  build: TravisBuildDetails,
  actions = ALL_ALLOWED,
): string[] {
  const actionRequests: string[] = [];
  server.use(
    http.get(`${TEST_ENTITY_URL}/builds/:buildId`, ({ params }) =>
      Number(params.buildId) === build.id
        ? HttpResponse.json(build)
        : errorResponse(404, {
            name: 'NotFoundError',
            message: `Build ${params.buildId} is not a build of acme/payments-api.`,
          }),
    ),
    http.get(`${TEST_ENTITY_URL}/actions`, () => HttpResponse.json(actions)),
    http.post(`${TEST_ENTITY_URL}/jobs/:jobId/:action`, ({ params }) => {
      actionRequests.push(`${params.action} ${params.jobId}`);
      return HttpResponse.json(
        {
          resourceType: 'job',
          id: Number(params.jobId),
          stateChange: params.action,
        },
        { status: 202 },
      );
    }),
  );
  return actionRequests;
}

function renderAt(path: string, props: BuildDetailsProps = {}) {
  const client = new TravisCiClient({
    discoveryApi: mockApis.discovery(),
    fetchApi: mockApis.fetch(),
  });
  const toastApi = mockApis.toast();

  const result = renderInTestApp(
    <EntityProvider entity={testEntity}>
      <Routes>
        <Route
          path="/travis-ci/*"
          element={
            // The same nesting as in the entity page's Travis CI tab.
            <Routes>
              <Route path="/" element={<p>Build list</p>} />
              <Route
                path="/builds/:buildId"
                element={<BuildDetails {...props} />}
              />
            </Routes>
          }
        />
      </Routes>
    </EntityProvider>,
    { apis: [[travisCiApiRef, client], toastApi], initialRouteEntries: [path] },
  );
  return { ...result, toastApi };
}

describe('BuildDetails', () => {
  it('shows the facts of the build', async () => {
    serveBuild(FAILED_BUILD);

    renderAt('/travis-ci/builds/1001');

    expect(await screen.findByText('Build #41')).toBeInTheDocument();
    expect(
      screen.getAllByText('Fix rounding of refunds').length,
    ).toBeGreaterThan(0);
    expect(screen.getByText('#42 Add refunds')).toBeInTheDocument();
    expect(screen.getByText('a1b2c3d')).toBeInTheDocument();
    expect(screen.getByText('Pull request')).toBeInTheDocument();
    expect(screen.getByText('octocat')).toBeInTheDocument();
    expect(screen.getByText('3m 05s')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Open build #41 in Travis CI' }),
    ).toHaveAttribute('href', FAILED_BUILD.webUrl);

    const times: Array<[string, string | undefined]> = [
      ['Created', FAILED_BUILD.createdAt],
      ['Started', FAILED_BUILD.startedAt],
      ['Finished', FAILED_BUILD.finishedAt],
    ];
    for (const [label, time] of times) {
      const fact = screen.getByText(label).parentElement!;
      expect(fact.querySelector('time')).toHaveAttribute('dateTime', time);
    }
  });

  it('says which times a new build lacks', async () => {
    serveBuild({
      ...FAILED_BUILD,
      state: 'created',
      startedAt: undefined,
      finishedAt: undefined,
      duration: undefined,
    });

    renderAt('/travis-ci/builds/1001', {
      refreshIntervals: { visibleMs: 60_000, hiddenMs: 60_000 },
    });

    expect(await screen.findByText('not started')).toBeInTheDocument();
    expect(screen.getByText('not finished')).toBeInTheDocument();
  });

  it('lists stages in order with their jobs', async () => {
    serveBuild(FAILED_BUILD);

    renderAt('/travis-ci/builds/1001');

    const stages = await screen.findAllByRole('region', { name: /^Stage/ });
    expect(stages.map(stage => stage.getAttribute('aria-label'))).toEqual([
      'Stage test',
      'Stage deploy',
    ]);

    const testJobs = within(stages[0]).getAllByTestId(/^job-/);
    expect(testJobs.map(row => row.getAttribute('data-testid'))).toEqual([
      'job-41.1',
      'job-41.2',
    ]);
    const failedJob = within(stages[0]).getByTestId('job-41.2');
    for (const text of [
      'failed',
      'linux',
      'jammy',
      'node_js',
      'NODE_VERSION=22',
      '1m 35s',
    ]) {
      expect(within(failedJob).getByText(text)).toBeInTheDocument();
    }
    expect(
      within(within(stages[0]).getByTestId('job-41.1')).getByText(
        'allowed to fail',
      ),
    ).toBeInTheDocument();
    expect(
      within(stages[1]).getByText('Deploy to staging'),
    ).toBeInTheDocument();
  });

  it('shows jobs of a build without stages in one list', async () => {
    serveBuild({
      ...FAILED_BUILD,
      stages: [],
      jobs: FAILED_BUILD.jobs.map(({ stageId: _, ...job }) => job),
    });

    renderAt('/travis-ci/builds/1001');

    const jobs = await screen.findByRole('region', { name: 'Jobs' });
    expect(within(jobs).getAllByTestId(/^job-/)).toHaveLength(3);
    expect(
      screen.queryByRole('region', { name: /^Stage/ }),
    ).not.toBeInTheDocument();
  });

  it('refreshes while a job runs', async () => {
    const running: TravisBuildDetails = {
      ...FAILED_BUILD,
      state: 'started',
      jobs: FAILED_BUILD.jobs.map(job => ({ ...job, state: 'started' })),
    };
    let answers = 0;
    server.use(
      http.get(`${TEST_ENTITY_URL}/actions`, () =>
        HttpResponse.json(ALL_ALLOWED),
      ),
      http.get(`${TEST_ENTITY_URL}/builds/1001`, () => {
        answers += 1;
        return HttpResponse.json(answers < 3 ? running : FAILED_BUILD);
      }),
    );

    installFakeIntervals();
    const interval = 10_000;
    renderAt('/travis-ci/builds/1001', {
      refreshIntervals: { visibleMs: interval, hiddenMs: interval },
    });

    const row = await screen.findByTestId('job-41.2', undefined, SLOW_RENDER);
    expect(within(row).getByText('started')).toBeInTheDocument();
    expect(answers).toBe(1);

    await advanceIntervalsUntil(
      'the second answer',
      interval,
      () => answers === 2,
    );
    expect(
      within(screen.getByTestId('job-41.2')).getByText('started'),
    ).toBeInTheDocument();

    await advanceIntervalsUntil(
      'the finished job',
      interval,
      () =>
        within(screen.getByTestId('job-41.2')).queryByText('failed') !== null,
    );
    expect(answers).toBe(3);

    // The interval is gone, so further time sends no request.
    expect(jest.getTimerCount()).toBe(0);
    advanceIntervals(10 * interval);
    await new Promise(resolve => setTimeout(resolve, 100));
    expect(answers).toBe(3);
  });

  it('shows a spinner while loading', async () => {
    let answer: () => void = () => {};
    server.use(
      http.get(`${TEST_ENTITY_URL}/actions`, () =>
        HttpResponse.json(ALL_ALLOWED),
      ),
      http.get(
        `${TEST_ENTITY_URL}/builds/1001`,
        () =>
          new Promise<Response>(resolve => {
            answer = () => resolve(HttpResponse.json(FAILED_BUILD));
          }),
      ),
    );

    renderAt('/travis-ci/builds/1001');

    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    answer();
    expect(await screen.findByText('Build #41')).toBeInTheDocument();
  });

  it('says when the build is not found', async () => {
    serveBuild(FAILED_BUILD);

    renderAt('/travis-ci/builds/999');

    expect(await screen.findByText('Not found')).toBeInTheDocument();
    expect(
      screen.getByText(/Build 999 is not a build of acme\/payments-api/),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All builds' })).toHaveAttribute(
      'href',
      '/travis-ci',
    );
  });

  it('rejects a build id that is not a number', async () => {
    serveBuild(FAILED_BUILD);

    renderAt('/travis-ci/builds/latest');

    expect(
      await screen.findByText(/"latest" is not a Travis CI build id/),
    ).toBeInTheDocument();
  });

  it('shows an error and retries', async () => {
    serveBuild(FAILED_BUILD);
    server.use(
      http.get(
        `${TEST_ENTITY_URL}/builds/1001`,
        () =>
          errorResponse(503, {
            name: 'ServiceUnavailableError',
            message: 'Travis CI did not answer in time.',
            code: 'travis-unavailable',
          }),
        { once: true },
      ),
    );

    renderAt('/travis-ci/builds/1001');

    expect(
      await screen.findByText('Travis CI is unavailable'),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));

    expect(await screen.findByText('Build #41')).toBeInTheDocument();
  });

  it('restarts a finished job and explains a disabled cancel', async () => {
    const actionRequests = serveBuild(FAILED_BUILD);

    const { toastApi } = renderAt('/travis-ci/builds/1001');

    const restart = await screen.findByRole('button', {
      name: 'Restart job #41.2',
    });
    const cancel = screen.getByRole('button', { name: 'Cancel job #41.2' });
    expect(cancel).toHaveAttribute('aria-disabled', 'true');
    expect(cancel).toHaveAccessibleDescription(
      'Only created, queued, received or started jobs can be canceled; job #41.2 is failed.',
    );

    await userEvent.click(restart);

    await waitFor(() => expect(actionRequests).toEqual(['restart 5012']));
    await waitFor(() =>
      expect(toastApi.getToasts().map(toast => toast.title)).toContain(
        'Travis CI accepted the restart of job #41.2.',
      ),
    );
  });

  it('hides job actions the user may not take', async () => {
    serveBuild(FAILED_BUILD, READ_ONLY);
    let actionsResponses = 0;
    server.use(
      http.get(`${TEST_ENTITY_URL}/actions`, () => {
        actionsResponses += 1;
        return HttpResponse.json(READ_ONLY);
      }),
    );

    renderAt('/travis-ci/builds/1001');

    expect(await screen.findByTestId('job-41.2')).toBeInTheDocument();
    // Every button stays hidden until /actions responds, so wait for that
    // response before checking that none shows.
    await waitForResponseApplied(
      'the /actions response',
      () => actionsResponses > 0,
    );
    expect(
      screen.queryByRole('button', { name: /Restart job/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Cancel job/ }),
    ).not.toBeInTheDocument();
  });

  it('opens the failing job log from its row', async () => {
    serveBuild(FAILED_BUILD);
    const logs = new FakeJobLogs(server);
    logs.logs.set(5012, {
      content:
        '$ npm test\nFAIL src/refunds.test.ts\nThe command "npm test" exited with 1.\n',
      complete: true,
    });

    renderAt('/travis-ci/builds/1001');

    const row = await screen.findByTestId('job-41.2');
    await userEvent.click(
      within(row).getByRole('button', { name: 'Log of job #41.2' }),
    );

    expect(await screen.findByText('Log of job #41.2')).toBeInTheDocument();
    expect(
      await screen.findByText('The command "npm test" exited with 1.'),
    ).toBeInTheDocument();
    expect(logs.requests).toEqual(['5012:0']);

    await userEvent.click(
      within(row).getByRole('button', { name: 'Hide log of job #41.2' }),
    );

    expect(screen.queryByText('Log of job #41.2')).not.toBeInTheDocument();
  });

  it('scrolls the opened log into view', async () => {
    serveBuild(FAILED_BUILD);
    const logs = new FakeJobLogs(server);
    logs.logs.set(5012, { content: 'FAIL\n', complete: true });
    const scrollIntoView = jest.fn();
    Element.prototype.scrollIntoView = scrollIntoView;

    renderAt('/travis-ci/builds/1001');

    const row = await screen.findByTestId('job-41.2');
    expect(scrollIntoView).not.toHaveBeenCalled();

    await userEvent.click(
      within(row).getByRole('button', { name: 'Log of job #41.2' }),
    );

    await waitFor(() => expect(scrollIntoView).toHaveBeenCalledTimes(1));
    expect(scrollIntoView.mock.contexts[0]).toBe(
      screen.getByRole('region', { name: 'Job log' }),
    );
  });

  it('opens a log from a deep link', async () => {
    serveBuild(FAILED_BUILD);
    const logs = new FakeJobLogs(server);
    logs.logs.set(5011, { content: 'All tests passed\n', complete: true });

    renderAt('/travis-ci/builds/1001?job=5011');

    expect(await screen.findByText('All tests passed')).toBeInTheDocument();
    expect(screen.getByText('Log of job #41.1')).toBeInTheDocument();
  });

  it('says when the linked job is not in the build', async () => {
    serveBuild(FAILED_BUILD);

    renderAt('/travis-ci/builds/1001?job=77');

    expect(
      await screen.findByText('Build #41 has no job with id 77.'),
    ).toBeInTheDocument();
  });
});
