import { expect, Page, test } from '@playwright/test';
import {
  advanceSimulatorClock,
  fetchSimulatorBuilds,
  resetSimulator,
  signInAsGuest,
} from './support';

test.beforeEach(async ({ page, request }) => {
  await resetSimulator(request);
  await signInAsGuest(page);
});

// LogViewer links each line number as `#line-N`. The viewer scrolls to the
// end as the log grows, so the highest number shown is the log's last line.
async function lastLogLineNumber(page: Page): Promise<number> {
  const numbers = await page
    .locator('a[href^="#line-"]')
    .evaluateAll(links => links.map(link => Number(link.textContent)));
  return Math.max(0, ...numbers);
}

test('developer finds the error in a failed job log', async ({
  page,
  request,
}) => {
  const [failed] = await fetchSimulatorBuilds(
    request,
    'acme/web-frontend',
    'limit=1&build.state=failed',
  );

  await page.goto('/catalog/default/component/web-frontend/travis-ci');
  await page
    .getByRole('link', { name: `#${failed.number}`, exact: true })
    .click();

  await expect(page).toHaveURL(new RegExp(`/travis-ci/builds/${failed.id}$`));
  await expect(
    page.getByText(`Build #${failed.number}`, { exact: true }),
  ).toBeVisible();

  const failedJobRow = page
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: /^Log of job #/ }) })
    // The state by its exact text: hidden reasons of blocked buttons name
    // states inside longer sentences.
    .filter({ has: page.getByText('failed', { exact: true }) })
    .first();
  await failedJobRow.getByRole('button', { name: /^Log of job #/ }).click();

  await expect(page).toHaveURL(/[?&]job=\d+/);
  await expect(
    page.getByText('The command "npm test" exited with 1.'),
  ).toBeVisible();
  await expect(page.getByText(/travis_fold|travis_time/)).toHaveCount(0);
  await expect(page.getByText(/The job is running/)).toHaveCount(0);
  await expect(page.getByText('▸ install')).toBeVisible();
  await page.screenshot({
    path: test.info().outputPath('failed-job-log.png'),
    fullPage: true,
  });

  // The link to the log opens it again directly.
  await page.reload();
  await expect(
    page.getByText('The command "npm test" exited with 1.'),
  ).toBeVisible();

  await page.getByRole('link', { name: 'All builds' }).click();
  await expect(page).toHaveURL(/\/travis-ci$/);
  await expect(page.getByText('Travis CI builds')).toBeVisible();
});

test('developer watches a running job log grow', async ({ page, request }) => {
  const [running] = await fetchSimulatorBuilds(
    request,
    'acme/checkout-service',
    'limit=1&build.state=started',
  );
  const logOffsets: number[] = [];
  page.on('request', logRequest => {
    const match = /\/jobs\/\d+\/log\?offset=(\d+)/.exec(logRequest.url());
    if (match) {
      logOffsets.push(Number(match[1]));
    }
  });

  await page.goto(
    `/catalog/default/component/checkout-service/travis-ci/builds/${running.id}`,
  );

  const runningJobRow = page
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: /^Log of job #/ }) })
    .filter({ has: page.getByText('started', { exact: true }) })
    .first();
  await runningJobRow.getByRole('button', { name: /^Log of job #/ }).click();

  await expect(
    page.getByText(
      'The job is running; new output appears here as it arrives.',
    ),
  ).toBeVisible();
  await expect.poll(() => lastLogLineNumber(page)).toBeGreaterThan(0);
  const linesBefore = await lastLogLineNumber(page);

  // The simulator writes more of the log as its clock moves on; the view
  // fetches what was added within a few seconds.
  await expect(async () => {
    await advanceSimulatorClock(request, 15_000);
    expect(await lastLogLineNumber(page)).toBeGreaterThan(linesBefore);
  }).toPass({ timeout: 60_000 });

  expect(logOffsets[0]).toBe(0);
  expect(logOffsets.some(offset => offset > 0)).toBe(true);
});
