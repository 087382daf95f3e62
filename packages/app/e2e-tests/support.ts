import { APIRequestContext, expect, Page } from '@playwright/test';

/** The simulator that `yarn start` runs for the travis-ci.com instance. */
export const SIMULATOR_URL = 'http://127.0.0.1:8090';
export const BACKEND_URL = 'http://localhost:7007';

/** Signs in with the guest provider, which signs in as user:default/guest. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(page.getByRole('link', { name: 'Catalog' })).toBeVisible();
}

/** Puts the simulator back into its seeded state. */
export async function resetSimulator(request: APIRequestContext) {
  const response = await request.post(`${SIMULATOR_URL}/__simulator/reset`);
  expect(response.ok()).toBe(true);
}

/** Moves the simulator's clock forward, so builds progress at once. */
export async function advanceSimulatorClock(
  request: APIRequestContext,
  ms: number,
) {
  const response = await request.post(
    `${SIMULATOR_URL}/__simulator/clock/advance`,
    { data: { ms } },
  );
  expect(response.ok()).toBe(true);
}

/** Reads builds straight from the simulator, as Travis CI would return them. */
export async function fetchSimulatorBuilds(
  request: APIRequestContext,
  slug: string,
  query: string,
): Promise<Array<{ id: number; number: string; state: string }>> {
  const response = await request.get(
    `${SIMULATOR_URL}/repo/${encodeURIComponent(slug)}/builds?${query}`,
    {
      headers: {
        'Travis-API-Version': '3',
        Authorization: 'token sim-admin-token',
      },
    },
  );
  expect(response.ok()).toBe(true);
  return (await response.json()).builds;
}

/** Returns a Backstage token of the guest user, as the browser holds it. */
export async function fetchGuestToken(request: APIRequestContext) {
  const response = await request.post(`${BACKEND_URL}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(response.ok()).toBe(true);
  return (await response.json()).backstageIdentity.token as string;
}
