import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../prisma/demo-data';

/*
 * The pharmacy counter: a pharmacist scans a pack with a keyboard-wedge
 * scanner, dispenses it, scans it again and is refused, then undoes the
 * first dispensing; and checks stock without dispensing. The pack is found
 * in the pharmacy's own stock through the API.
 */
const PHARMACIST = 'counter@apotheke-markt.example';

type TStockLine = { gtin: string; batchId: string; lot: string; expiry: string; available: number };
type TEvent = { kind: string | null; privateRecord: { event?: { epcList?: string[] } } | null };

/** A pack the pharmacy holds and may dispense: from its stock, the packs it received, one still active in its hands. */
async function packInStock(request: APIRequestContext, skip: string[] = []): Promise<{ gtin: string; serial: string; lot: string; expiry: string }> {
  expect((await request.post('/api/v1/session', { data: { email: PHARMACIST, password: DEMO_PASSWORD } })).status()).toBe(200);
  const stock = ((await (await request.get('/api/v1/stock')).json()) as { items: TStockLine[] }).items;
  for (const line of stock.filter((l) => l.available > 0)) {
    const events = (await (await request.get(`/api/v1/batches/${line.batchId}/events?limit=200`)).json()) as { items: TEvent[] };
    const received = events.items.filter((e) => e.kind === 'receive').flatMap((e) => e.privateRecord?.event?.epcList ?? []);
    for (const link of received) {
      const serial = decodeURIComponent(/\/21\/([^/?]+)/.exec(link)?.[1] ?? '');
      if (!serial || skip.includes(serial)) continue;
      const pack = (await (await request.get(`/api/v1/packs/${line.gtin}/${encodeURIComponent(serial)}`)).json()) as { status: string; heldByYou: boolean; inTransit: boolean };
      if (pack.status === 'ACTIVE' && pack.heldByYou && !pack.inTransit) return { gtin: line.gtin, serial, lot: line.lot, expiry: line.expiry };
    }
  }
  throw new Error('The demo pharmacy holds no pack it could dispense.');
}

async function signIn(page: Page): Promise<void> {
  await page.goto('/console/dispense');
  await page.getByLabel('E-mail address').fill(PHARMACIST);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/console\/dispense$/);
}

/** What a keyboard-wedge scanner types for the pack's DataMatrix when it sends FNC1 as "|", then Enter. */
const wedgeText = (p: { gtin: string; serial: string; lot: string; expiry: string }) => `01${p.gtin}17${p.expiry.slice(2, 4)}${p.expiry.slice(5, 7)}${p.expiry.slice(8, 10)}10${p.lot}|21${p.serial}`;

test('a pharmacist dispenses a pack, scans it again and is refused, then undoes the first dispensing', async ({ page, request }) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  const pack = await packInStock(request);
  await signIn(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Dispensing' })).toBeVisible();
  await page.getByLabel('Scanner sends the group separator (FNC1) as').selectOption('|');
  const input = page.getByLabel('Scan the pack to dispense');
  await expect(input).toBeFocused();

  await page.keyboard.type(wedgeText(pack));
  await page.keyboard.press('Enter');
  const result = page.getByRole('status').filter({ hasText: 'Scan 1' });
  await expect(result).toContainText('DISPENSED');
  await expect(result).toContainText(`SN ${pack.serial}`);
  await expect(input).toBeFocused();
  await expect(input).toHaveValue('');

  await page.keyboard.type(wedgeText(pack));
  await page.keyboard.press('Enter');
  const refusal = page.getByRole('alert').filter({ hasText: 'Scan 2' });
  await expect(refusal).toContainText('DO NOT DISPENSE');
  await expect(refusal).toContainText(/Already dispensed on .*Do not hand it out/);

  const session = page.getByRole('region', { name: 'This session' });
  await expect(session.getByRole('listitem')).toHaveCount(2);
  await session.getByRole('button', { name: new RegExp(`^Undo dispensing of .*SN ${pack.serial}`) }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Scan 3' })).toContainText('UNDONE');
  await expect(session.getByText('DISPENSED, THEN UNDONE')).toBeVisible();
  await expect(input).toBeFocused();

  const state = (await (await request.get(`/api/v1/packs/${pack.gtin}/${encodeURIComponent(pack.serial)}`)).json()) as { status: string; heldByYou: boolean };
  expect(state).toMatchObject({ status: 'ACTIVE', heldByYou: true });
  expect(problems).toEqual([]);
});

test('verify only: a pack in stock may be dispensed, and nothing is recorded', async ({ page, request }) => {
  const pack = await packInStock(request);
  await signIn(page);
  await page.getByRole('radio', { name: 'Verify only' }).check();
  const input = page.getByLabel('Scan the pack to verify');
  await input.fill(`(01)${pack.gtin}(10)${pack.lot}(21)${pack.serial}`);
  await input.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Scan 1' })).toContainText('OK TO DISPENSE');
  const state = (await (await request.get(`/api/v1/packs/${pack.gtin}/${encodeURIComponent(pack.serial)}`)).json()) as { status: string };
  expect(state.status).toBe('ACTIVE');
  // The mode is remembered by this counter's browser.
  await page.reload();
  await expect(page.getByLabel('Scan the pack to verify')).toBeVisible();
  await page.getByRole('radio', { name: 'Dispense (verify and decommission)' }).check();
});

test('the public page shows a pack dispensed and then undone as genuine again, with both events in its journey', async ({ page, request }) => {
  const pack = await packInStock(request);
  const dispensed = await request.post('/api/v1/dispense', { data: { code: `(01)${pack.gtin}(21)${pack.serial}` } });
  expect(dispensed.status()).toBe(201);
  const undone = await request.post('/api/v1/dispense/undo', { data: { code: `(01)${pack.gtin}(21)${pack.serial}` } });
  expect(undone.status()).toBe(201);
  await page.goto(`/01/${pack.gtin}/21/${pack.serial}`);
  await expect(page.getByRole('heading', { level: 2, name: 'AUTHENTIC' })).toBeVisible();
  const journey = page.getByRole('region', { name: 'Its journey, proved step by step' });
  const steps = journey.getByRole('listitem');
  await expect(steps.nth((await steps.count()) - 2)).toContainText('Dispensed to a patient');
  await expect(journey.getByRole('listitem').last()).toContainText('Put back on the shelf (dispensing undone)');
  await expect(journey.getByRole('status')).toHaveText(/^All \d+ events are proven by the ledger/, { timeout: 30_000 });
});
