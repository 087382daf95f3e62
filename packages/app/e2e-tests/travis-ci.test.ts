import { Locator, Page, expect, test } from '@playwright/test';
import {
  advanceSimulatorClock,
  BACKEND_URL,
  fetchGuestToken,
  fetchSimulatorBuilds,
  resetSimulator,
  signInAsGuest,
} from './support';

const FINISHED_STATES = /^(passed|failed|errored|canceled)$/;
const BUILD_STATE =
  /^(created|received|started|passed|failed|errored|canceled)$/;

test.beforeEach(async ({ page, request }) => {
  await resetSimulator(request);
  await signInAsGuest(page);
});

test('owner sees builds and triggers a build', async ({ page, request }) => {
  const [latest] = await fetchSimulatorBuilds(
    request,
    'acme/payments-api',
    'limit=1',
  );

  await page.goto('/catalog/default/component/payments-api/travis-ci');

  await expect(page.getByText('Travis CI builds')).toBeVisible();
  await expect(
    page.getByRole('link', { name: `#${latest.number}`, exact: true }),
  ).toBeVisible();
  await saveScreenshot(page, 'travis-ci-tab', { fullPage: false });

  await page.getByRole('button', { name: 'Trigger build' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Branch').fill('main');
  await dialog.getByLabel('Message').fill('Deploy check from e2e');
  await dialog.getByRole('button', { name: 'Trigger build' }).click();

  await expect(page.getByText(/Travis CI accepted request \d+/)).toBeVisible();

  // Travis CI turns the request into a build a little later; the
  // simulator's clock is moved on instead of waiting. The table refreshes
  // on its own (every 10 s) until the build appears and while it runs, so
  // nobody clicks Refresh here.
  const triggeredRow = page
    .getByRole('row')
    .filter({ hasText: 'Deploy check from e2e' });
  await expect(async () => {
    await advanceSimulatorClock(request, 5_000);
    await expect(triggeredRow).toBeVisible({ timeout: 12_000 });
  }).toPass({ timeout: 50_000 });
  await expect(triggeredRow).toContainText('API');

  await expect(async () => {
    await advanceSimulatorClock(request, 5 * 60_000);
    await expect(stateCell(triggeredRow)).toHaveText(FINISHED_STATES, {
      timeout: 12_000,
    });
  }).toPass({ timeout: 50_000 });
});

test('owner restarts a finished build', async ({ page, request }) => {
  const [finished] = await fetchSimulatorBuilds(
    request,
    'acme/payments-api',
    'limit=1&build.state=passed',
  );

  await page.goto('/catalog/default/component/payments-api/travis-ci');
  await page
    .getByRole('button', { name: `Restart build #${finished.number}` })
    .click();

  await expect(
    page.getByText(
      `Travis CI accepted the restart of build #${finished.number}.`,
    ),
  ).toBeVisible();
  const row = page.getByRole('row').filter({
    has: page.getByRole('link', { name: `#${finished.number}`, exact: true }),
  });
  await expect(stateCell(row)).toHaveText(/^(created|received|started)$/);
});

test('owner cancels a running build', async ({ page, request }) => {
  const [running] = await fetchSimulatorBuilds(
    request,
    'acme/checkout-service',
    'limit=1&build.state=started',
  );

  await page.goto('/catalog/default/component/checkout-service/travis-ci');
  await page
    .getByRole('button', { name: `Cancel build #${running.number}` })
    .click();

  await expect(
    page.getByText(
      `Travis CI accepted the cancellation of build #${running.number}.`,
    ),
  ).toBeVisible();
  const row = page.getByRole('row').filter({
    has: page.getByRole('link', { name: `#${running.number}`, exact: true }),
  });
  await expect(stateCell(row)).toHaveText('canceled');
});

test('non-owner sees builds but no actions', async ({ page, request }) => {
  const [latest] = await fetchSimulatorBuilds(
    request,
    'acme/inventory-service',
    'limit=1',
  );

  // Every action stays hidden until /actions responds, so the checks below
  // only mean something once that response has arrived.
  const actionsResponse = page.waitForResponse(
    response =>
      /\/entities\/component\/default\/inventory-service\/actions$/i.test(
        response.url(),
      ) && response.request().method() === 'GET',
  );
  await page.goto('/catalog/default/component/inventory-service/travis-ci');

  await expect(
    page.getByRole('link', { name: `#${latest.number}`, exact: true }),
  ).toBeVisible();
  expect((await actionsResponse).status()).toBe(200);
  await expect(page.getByRole('button', { name: 'Trigger build' })).toHaveCount(
    0,
  );
  await expect(
    page.getByRole('button', { name: /^Restart build/ }),
  ).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Cancel build/ })).toHaveCount(
    0,
  );

  const token = await fetchGuestToken(request);
  const response = await request.post(
    `${BACKEND_URL}/api/travis-ci/entities/component/default/inventory-service/builds`,
    {
      headers: { Authorization: `Bearer ${token}` },
      data: { branch: 'main' },
    },
  );
  expect(response.status()).toBe(403);
});

test('entity overview shows the build cards', async ({ page }) => {
  await page.goto('/catalog/default/component/payments-api');

  // Each card has loaded once it shows a build state.
  for (const title of ['Latest Travis CI build', 'Recent Travis CI builds']) {
    const card = page
      .locator('.MuiCard-root')
      .filter({ has: page.getByText(title, { exact: true }) });
    await expect(card.getByText(BUILD_STATE).first()).toBeVisible();
  }
  await saveScreenshot(page, 'travis-ci-cards', { fullPage: true });
});

/**
 * Returns the state cell of a build row. The row's text as a whole also
 * contains the hidden reasons of blocked buttons, such as "Only created,
 * received or started builds can be canceled", which name states too.
 */
function stateCell(row: Locator) {
  return row.getByRole('cell').nth(1);
}

/**
 * Saves a screenshot with the test's output files and attaches it, so that
 * it shows in the HTML report too.
 */
async function saveScreenshot(
  page: Page,
  name: string,
  options: { fullPage: boolean },
) {
  const path = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: options.fullPage });
  await test.info().attach(name, { path, contentType: 'image/png' });
}
