import { expect, test, type Page } from '@playwright/test';

// Demo accounts from prisma/demo-data.ts (README: "Demo accounts").
const PASSWORD = 'demo-pharma-2026';

/** Fails the test on any Content-Security-Policy violation or uncaught script error on the page. */
function watchForViolations(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

/** The form's alert (Next also renders an empty role=alert route announcer). */
function formAlert(page: Page) {
  return page.getByRole('alert').filter({ hasText: /\S/ });
}

async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a pharmacist signs in with the demo account, lands on the console, and signs out', async ({ page }) => {
  const problems = watchForViolations(page);
  const response = await page.goto('/sign-in');
  expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(response?.headers()['content-security-policy']).not.toContain('unsafe-eval');
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

  await signIn(page, 'counter@apotheke-markt.example');
  await expect(page).toHaveURL(/\/console$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Signed in as Anna Schmidt' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Apotheke am Markt');
  await expect(page.getByRole('main')).toContainText('Pharmacy');
  await expect(page.getByRole('main')).toContainText('Administrator');
  const header = page.getByRole('navigation', { name: 'Main' });
  await expect(header.getByRole('link', { name: 'Console' })).toBeVisible();
  await expect(header.getByRole('link', { name: 'Sign in' })).toHaveCount(0);

  await header.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in\?signed-out/);
  await expect(page.getByRole('status')).toHaveText('You have signed out.');
  await expect(header.getByRole('link', { name: 'Sign in' })).toBeVisible();

  // The session is gone: the console sends visitors to sign in, and back afterwards.
  await page.goto('/console');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fconsole$/);
  expect(problems).toEqual([]);
});

test('a wrong password gets one clear error, tied to both fields, that does not say which was wrong', async ({ page }) => {
  await page.goto('/sign-in');
  await signIn(page, 'qa@lusitania.example', 'not-my-password');
  await expect(formAlert(page)).toHaveText('The e-mail address or password is incorrect.');
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('E-mail address')).toHaveAttribute('aria-describedby', /form-error/);
  await expect(page.getByLabel('E-mail address')).toHaveValue('qa@lusitania.example');
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('after five wrong passwords the account is throttled, with a message saying how long to wait', async ({ page }) => {
  await page.goto('/sign-in');
  for (let i = 0; i < 5; i++) {
    await signIn(page, 'warehouse@centrale.example', `wrong-guess-${i}`);
    await expect(formAlert(page)).toHaveText('The e-mail address or password is incorrect.');
    // The form clears the password after each failed attempt; type the next one after that.
    await expect(page.getByLabel('Password')).toHaveValue('');
  }
  await signIn(page, 'warehouse@centrale.example');
  await expect(formAlert(page)).toContainText(/Too many sign-in attempts\. Wait \d+ minutes? and try again\./);
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('an admin creates an API key on the settings page, sees it once, and revokes it', async ({ page, request }) => {
  const problems = watchForViolations(page);
  await page.goto('/console/settings/api-keys');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fconsole%2Fsettings%2Fapi-keys$/);
  await signIn(page, 'qa@nordwind.example');
  await expect(page).toHaveURL(/\/console\/settings\/api-keys$/);
  await expect(page.getByRole('heading', { level: 1, name: 'API keys' })).toBeVisible();

  await page.getByLabel('Name', { exact: true }).fill('Packaging line 2');
  await page.getByRole('button', { name: 'Create key' }).click();
  const secret = page.getByLabel('New key "Packaging line 2"');
  await expect(secret).toHaveValue(/^ptk_[A-Za-z0-9_-]{43}$/);
  const key = await secret.inputValue();

  const whoami = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${key}` } });
  expect(whoami.status()).toBe(200);
  expect((await whoami.json()).organisation.name).toBe('Nordwind Pharma GmbH');

  const row = page.getByRole('row', { name: /Packaging line 2/ });
  await expect(row).toContainText(key.slice(0, 12));
  await row.getByText('Revoke…').click();
  await row.getByRole('button', { name: 'Revoke Packaging line 2' }).click();
  await expect(page.getByRole('row', { name: /Packaging line 2/ })).toContainText('Revoked');

  const refused = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${key}` } });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).code).toBe('api_key_invalid');
  expect(problems).toEqual([]);
});

test('an admin invites a colleague, who sets a password from the link and is signed in', async ({ page, browser }) => {
  await page.goto('/sign-in?next=/console/settings/users');
  await signIn(page, 'counter@pharmacie-parc.example');
  await expect(page).toHaveURL(/\/console\/settings\/users$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Users and invites' })).toBeVisible();
  const email = `nina.${Date.now()}@pharmacie-parc.example`;
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Role', { exact: true }).selectOption('VIEWER');
  await page.getByRole('button', { name: 'Create invite link' }).click();
  const link = await page.getByLabel(`Invite link for ${email}`).inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole('button', { name: `Withdraw invite for ${email}` })).toBeVisible();

  // The colleague opens the link in a browser of their own.
  const context = await browser.newContext();
  const invitee = await context.newPage();
  const problems = watchForViolations(invitee);
  await invitee.goto(link);
  await expect(invitee.getByRole('heading', { level: 1, name: 'Join Pharmacie du Parc' })).toBeVisible();
  await invitee.getByLabel('Your name').fill('Nina Lefèvre');
  await invitee.getByLabel('Choose a password').fill('short');
  await invitee.getByLabel('Repeat the password').fill('short');
  await invitee.getByRole('button', { name: 'Create account and sign in' }).click();
  await expect(invitee.getByText('Use at least 12 characters.')).toBeVisible();
  await invitee.getByLabel('Choose a password').fill('three quiet harbour lamps');
  await invitee.getByLabel('Repeat the password').fill('three quiet harbour lamps');
  await invitee.getByRole('button', { name: 'Create account and sign in' }).click();
  await expect(invitee).toHaveURL(/\/console$/);
  await expect(invitee.getByRole('heading', { level: 1, name: 'Signed in as Nina Lefèvre' })).toBeVisible();
  await expect(invitee.getByRole('main')).toContainText('Viewer');

  // The link works once.
  await invitee.goto(link);
  await expect(invitee.getByRole('heading', { level: 1, name: 'This invite link cannot be used' })).toBeVisible();
  expect(problems).toEqual([]);
  await context.close();

  // The admin deactivates the new colleague.
  await page.reload();
  await page.getByRole('button', { name: 'Deactivate Nina Lefèvre' }).click();
  await expect(page.getByRole('button', { name: 'Reactivate Nina Lefèvre' })).toBeVisible();
});

test('the sign-in page never redirects to another site', async ({ page }) => {
  await page.goto('/sign-in?next=//evil.example/phish');
  await signIn(page, 'inspector@nmva.example');
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/console$/);
});
