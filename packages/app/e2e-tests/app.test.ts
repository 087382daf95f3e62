import { expect, test } from '@playwright/test';

const teamAComponents = [
  'payments-api',
  'web-frontend',
  'checkout-service',
  'legacy-billing',
];
const otherComponents = ['inventory-service', 'new-service', 'docs-site'];

test('guest sign-in shows owned and all components', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();

  // The guest is a member of team-a, so the catalog opens on its components.
  await expect(page.getByText('Owned Components (4)')).toBeVisible();
  for (const name of teamAComponents) {
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }

  await page.getByRole('menuitem', { name: /^All/ }).click();

  await expect(page.getByText('All Components (7)')).toBeVisible();
  for (const name of [...teamAComponents, ...otherComponents]) {
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }
});
