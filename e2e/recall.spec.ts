import { randomBytes } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_ORGS, DEMO_PASSWORD, DEMO_PRODUCTS } from '../prisma/demo-data';

/*
 * A recall as the people involved live it: the inspector recalls a batch
 * from the console; at the pharmacy counter a pack of it is refused, and the
 * pharmacist finds the recall in the alert inbox; anyone checking the pack
 * on the public page sees RECALLED with the reason. The batch is made for
 * this test through the API (the manufacturer registers and commissions it,
 * ships it to the pharmacy, which receives it), so no demo data changes.
 */
const PRODUCT = DEMO_PRODUCTS.find((p) => p.owner === 'nordwind')!;
const PHARMACY = DEMO_ORGS.find((o) => o.key === 'markt')!;
const REASON = 'Some capsules of this lot contain the wrong active substance.';
const EXPIRY = '2029-06-30';

type TBatch = { lot: string; serials: string[]; code: (serial: string) => string };

function watchForViolations(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

async function asUser<T>(request: APIRequestContext, email: string, work: () => Promise<T>): Promise<T> {
  expect((await request.post('/api/v1/session', { data: { email, password: DEMO_PASSWORD } })).status()).toBe(200);
  try {
    return await work();
  } finally {
    await request.delete('/api/v1/session');
  }
}

/** A new lot of the manufacturer's product, two packs commissioned, shipped to the pharmacy and received there. */
async function batchAtThePharmacy(request: APIRequestContext): Promise<TBatch> {
  const lot = `RC${randomBytes(4).toString('hex').toUpperCase()}`;
  const code = (serial: string) => `(01)${PRODUCT.gtin}(17)${EXPIRY.slice(2).replaceAll('-', '')}(10)${lot}(21)${serial}`;
  const serials = await asUser(request, 'qa@nordwind.example', async () => {
    const batch = await request.post('/api/v1/batches', { data: { gtin: PRODUCT.gtin, lot, expiry: EXPIRY } });
    expect(batch.status()).toBe(201);
    const commissioned = await request.post(`/api/v1/batches/${((await batch.json()) as { id: string }).id}/commission`, { data: { count: 2 } });
    expect(commissioned.status()).toBe(201);
    const made = ((await commissioned.json()) as { serials: string[] }).serials;
    const shipped = await request.post('/api/v1/scans', { data: { events: [{ kind: 'ship', codes: made.map(code), to: PHARMACY.gln }] } });
    expect(shipped.status()).toBe(201);
    return made;
  });
  await asUser(request, PHARMACY.users[0]!.email, async () => {
    const received = await request.post('/api/v1/scans', { data: { events: [{ kind: 'receive', codes: serials.map(code) }] } });
    expect(received.status()).toBe(201);
  });
  return { lot, serials, code };
}

async function signIn(page: Page, email: string, next: string): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replaceAll('/', '\\/')}$`));
}

test('a regulator recalls a batch; the pharmacy cannot dispense it and sees the alert; the public page shows RECALLED', async ({ browser, request }) => {
  const batch = await batchAtThePharmacy(request);

  // The inspector recalls the lot from the console.
  const inspector = await browser.newPage();
  const problems = watchForViolations(inspector);
  await signIn(inspector, 'inspector@nmva.example', '/console/recalls');
  await expect(inspector.getByRole('heading', { level: 1, name: 'Recalls' })).toBeVisible();
  await inspector.getByLabel('GTIN').fill(PRODUCT.gtin);
  await inspector.getByLabel('Lot', { exact: true }).fill(batch.lot);
  await inspector.getByLabel('Recall class').selectOption('I');
  await inspector.getByLabel('Reason (shown on the public verification page)').fill(REASON);
  await inspector.getByRole('button', { name: 'Recall', exact: true }).click();
  await expect(inspector.getByRole('heading', { level: 1, name: `${PRODUCT.name}, lot ${batch.lot}` })).toBeVisible();
  await expect(inspector.getByText('Class I recall · open')).toBeVisible();
  await expect(inspector.getByRole('main')).toContainText(REASON);
  await expect(inspector.getByRole('region', { name: 'Packs of this recall by state' })).toContainText('recalled: 2');
  expect(problems).toEqual([]);
  await inspector.close();

  // At the counter, a pack of the lot is refused.
  const counter = await browser.newPage();
  watchForViolations(counter);
  await signIn(counter, PHARMACY.users[0]!.email, '/console/dispense');
  await counter.getByLabel('Scan the pack to dispense').fill(batch.code(batch.serials[0]!));
  await counter.getByLabel('Scan the pack to dispense').press('Enter');
  const refusal = counter.getByRole('alert').filter({ hasText: 'DO NOT DISPENSE' });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText(/recalled/i);

  // The pharmacist finds the recall, and the refused attempt, in the alert inbox.
  await counter.goto('/console/alerts');
  const inbox = counter.getByRole('table', { name: 'Alerts, most recently seen first' });
  await expect(inbox.getByRole('link', { name: 'You hold recalled stock' })).toBeVisible();
  await expect(inbox.getByRole('link', { name: 'Dispensing attempt of a recalled pack' })).toBeVisible();
  await inbox.getByRole('link', { name: 'You hold recalled stock' }).click();
  await expect(counter.getByRole('heading', { level: 1, name: 'You hold recalled stock' })).toBeVisible();
  await expect(counter.getByRole('main')).toContainText(REASON);
  await expect(counter.getByRole('main')).toContainText('You hold 2 of its packs');
  await counter.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(counter.getByRole('status').filter({ hasText: 'The alert is now acknowledged.' })).toBeVisible();
  await expect(counter.getByRole('region', { name: 'History' })).toContainText('Acknowledged by your organisation');
  await counter.close();

  // Anyone checking the pack sees that it is recalled, and why.
  const visitor = await browser.newPage();
  await visitor.goto(`/verify?code=${encodeURIComponent(batch.code(batch.serials[1]!))}`);
  await expect(visitor.getByRole('heading', { level: 2, name: 'RECALLED' })).toBeVisible();
  await expect(visitor.getByText(REASON).first()).toBeVisible();
  await visitor.close();
});
