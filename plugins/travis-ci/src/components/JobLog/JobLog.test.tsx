import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { TravisJob } from '@travis-ci-backstage/plugin-travis-ci-common';
import { act, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { errorResponse } from '../../__testUtils__/fakeBackend';
import { TEST_ENTITY_URL } from '../../__testUtils__/fixtures';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { JobLog } from './JobLog';
import { FakeJobLogs } from './__testUtils__/FakeJobLogs';

jest.mock('react-virtualized-auto-sizer', () =>
  require('./__testUtils__/fixedSizeAutoSizer'),
);

jest.setTimeout(20_000);

const server = setupServer();
registerMswTestHooks(server);

const CLEAR = '\r\x1b[0K';
const FAST_POLLING = { visibleMs: 20, hiddenMs: 20 };

const job: TravisJob = {
  id: 501,
  number: '41.2',
  state: 'started',
  allowFailure: false,
  webUrl: 'https://app.travis-ci.com/github/acme/payments-api/jobs/501',
};

// The text of each rendered log line, without its line number.
function logLines(): string[] {
  return screen
    .getAllByRole('row')
    .map(row => row.parentElement!.textContent!.slice(row.textContent!.length));
}

function renderLog() {
  return renderWithEntity(<JobLog job={job} pollIntervals={FAST_POLLING} />);
}

describe('JobLog', () => {
  it('says the job has not started writing yet', async () => {
    const logs = new FakeJobLogs(server);
    logs.logs.set(501, { content: '', complete: false });

    renderLog();

    expect(
      await screen.findByText(/has not started writing its log yet/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    logs.logs.set(501, { content: 'Worker information\n', complete: false });

    expect(await screen.findByText('Worker information')).toBeInTheDocument();
  });

  it('fetches only new bytes while the job runs', async () => {
    const logs = new FakeJobLogs(server);
    const log = { content: 'first line ü\n', complete: false };
    logs.logs.set(501, log);

    renderLog();

    expect(await screen.findByText('first line ü')).toBeInTheDocument();

    log.content += 'second line\n';

    expect(await screen.findByText('second line')).toBeInTheDocument();
    // "ü" takes two bytes, so the first line ends at byte 14.
    expect(logs.requests).toContain('501:14');
    expect(screen.getByText(/new output appears here/)).toBeInTheDocument();
  });

  it('stops fetching once the log is complete', async () => {
    const logs = new FakeJobLogs(server);
    const log = { content: 'running\n', complete: false };
    logs.logs.set(501, log);

    renderLog();
    expect(await screen.findByText('running')).toBeInTheDocument();

    log.content += 'Done. Your build exited with 1.';
    log.complete = true;
    expect(
      await screen.findByText('Done. Your build exited with 1.'),
    ).toBeInTheDocument();

    const requestCount = logs.requests.length;
    await new Promise(resolve => setTimeout(resolve, 200));

    expect(logs.requests).toHaveLength(requestCount);
    expect(
      screen.queryByText(/new output appears here/),
    ).not.toBeInTheDocument();
  });

  it('shows folds as sections without markers', async () => {
    const logs = new FakeJobLogs(server);
    logs.logs.set(501, {
      content:
        `travis_fold:start:install${CLEAR}travis_time:start:0a1b${CLEAR}$ npm ci\n` +
        'added 812 packages\n' +
        `\ntravis_time:end:0a1b:start=1,finish=12500000001,duration=12500000000,event=install${CLEAR}` +
        `travis_fold:end:install${CLEAR}\n` +
        '$ npm test\nFAIL src/refunds.test.ts\n',
      complete: true,
    });

    renderLog();

    expect(
      await screen.findByText('FAIL src/refunds.test.ts'),
    ).toBeInTheDocument();
    expect(logLines()).toEqual([
      '▸ install 12.50s',
      '$ npm test',
      'FAIL src/refunds.test.ts',
    ]);

    await userEvent.click(
      screen.getByRole('button', { name: 'Expand install' }),
    );

    expect(await screen.findByText('added 812 packages')).toBeInTheDocument();
    expect(logLines()).toEqual([
      '▾ install 12.50s',
      '$ npm ci',
      'added 812 packages',
      '$ npm test',
      'FAIL src/refunds.test.ts',
    ]);

    expect(
      screen.getByRole('button', { name: 'Collapse install' }),
    ).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(screen.getByRole('button', { name: 'Collapse all' }));

    await waitFor(() =>
      expect(screen.queryByText('added 812 packages')).not.toBeInTheDocument(),
    );
  });

  it('keeps a fold that is still being written expanded', async () => {
    const logs = new FakeJobLogs(server);
    logs.logs.set(501, {
      content: `travis_fold:start:install${CLEAR}$ npm ci\nnpm WARN deprecated\n`,
      complete: false,
    });

    renderLog();

    expect(await screen.findByText('npm WARN deprecated')).toBeInTheDocument();
    expect(logLines()).toEqual([
      '▾ install',
      '$ npm ci',
      'npm WARN deprecated',
    ]);
    expect(
      screen.getByRole('button', { name: 'install is still being written' }),
    ).toHaveAttribute('aria-disabled', 'true');
  });

  it('parses a log larger than one slice', async () => {
    const logs = new FakeJobLogs(server);
    const line = `${'x'.repeat(79)}\n`;
    logs.logs.set(501, {
      content: `travis_fold:start:big${CLEAR}${line.repeat(
        30_000,
      )}travis_fold:end:big${CLEAR}final line\n`,
      complete: true,
    });

    renderLog();

    expect(await screen.findByText('final line')).toBeInTheDocument();
    expect(logLines()).toEqual(['▸ big', 'final line']);
  });

  it('reads the new log of a restarted job', async () => {
    const logs = new FakeJobLogs(server);
    logs.logs.set(501, { content: 'first attempt failed\n', complete: true });
    // The build details view passes the job with its newest state.
    let setShownJob: (next: TravisJob) => void = () => {};
    function JobLogOfChangingJob() {
      const [shownJob, setJob] = useState<TravisJob>({
        ...job,
        state: 'failed',
      });
      setShownJob = setJob;
      return <JobLog job={shownJob} pollIntervals={FAST_POLLING} />;
    }

    renderWithEntity(<JobLogOfChangingJob />);
    expect(await screen.findByText('first attempt failed')).toBeInTheDocument();

    logs.logs.set(501, { content: '', complete: false });
    act(() => setShownJob({ ...job, state: 'created' }));

    expect(
      await screen.findByText(/has not started writing its log yet/),
    ).toBeInTheDocument();

    logs.logs.set(501, { content: 'second attempt\n', complete: false });

    expect(await screen.findByText('second attempt')).toBeInTheDocument();
    expect(screen.queryByText('first attempt failed')).not.toBeInTheDocument();
  });

  it('says when a finished job wrote no log', async () => {
    const logs = new FakeJobLogs(server);
    logs.logs.set(501, { content: '', complete: true });

    renderLog();

    expect(
      await screen.findByText('Job #41.2 finished without writing a log.'),
    ).toBeInTheDocument();
  });

  it('shows an error with retry when the log fails to load', async () => {
    const logs = new FakeJobLogs(server);
    logs.logs.set(501, { content: 'recovered\n', complete: true });
    server.use(
      http.get(
        `${TEST_ENTITY_URL}/jobs/501/log`,
        () =>
          errorResponse(503, {
            name: 'ServiceUnavailableError',
            message: 'Travis CI answered 502',
            code: 'travis-unavailable',
          }),
        { once: true },
      ),
    );

    renderLog();

    expect(
      await screen.findByText('Travis CI is unavailable'),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));

    expect(await screen.findByText('recovered')).toBeInTheDocument();
  });
});
