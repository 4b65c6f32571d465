import { expect, test } from '@playwright/test';

test('a visitor lands on the home page and finds the way to verify a pack and to sign in', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Is this medicine genuine?' })).toBeVisible();
  await page.getByRole('link', { name: 'Verify a pack or batch' }).click();
  await expect(page).toHaveURL(/\/verify$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Verify');
  await page.getByRole('link', { name: 'Sign in' }).first().click();
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('the health endpoint reports a reachable, migrated database', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.database).toMatchObject({ reachable: true });
  expect(body.database.migrationsApplied).toBeGreaterThanOrEqual(2);
});
