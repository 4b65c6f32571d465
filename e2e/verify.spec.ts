import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { toBuffer } from 'bwip-js/node';
import { DEMO_PASSWORD, DEMO_PRODUCTS } from '../prisma/demo-data';

/*
 * The public authenticity page, as a patient, a journalist or a customs
 * officer uses it: no account, a code typed or opened from a QR code, a
 * verdict in plain words, and a journey whose proofs the browser checks
 * itself. Demo data is found through the API (as the regulator, who reads
 * the whole network) and the seed manifest, never hard-coded serials.
 */
const AMOXICILLIN = DEMO_PRODUCTS.find((p) => p.name.startsWith('Amoxicillin'))!;
const LOT = AMOXICILLIN.lots[0]!;

function watchForViolations(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

type TEvent = { kind: string | null; privateRecord: { event?: { epcList?: string[] } } | null };

/** A pack of the demo's first Amoxicillin lot that a pharmacy dispensed, as GTIN and serial. */
async function dispensedPack(request: APIRequestContext): Promise<{ gtin: string; serial: string }> {
  const signIn = await request.post('/api/v1/session', { data: { email: 'inspector@nmva.example', password: DEMO_PASSWORD } });
  expect(signIn.status()).toBe(200);
  const batches = (await (await request.get(`/api/v1/batches?gtin=${AMOXICILLIN.gtin}`)).json()) as { items: { id: string; lot: string }[] };
  const batch = batches.items.find((b) => b.lot === LOT.lot)!;
  const events = (await (await request.get(`/api/v1/batches/${batch.id}/events?limit=200`)).json()) as { items: TEvent[] };
  const links = events.items.filter((e) => e.kind === 'dispense').flatMap((e) => e.privateRecord?.event?.epcList ?? []);
  for (const link of links) {
    const [, gtin, encoded] = /\/01\/(\d{14})\/21\/([^/?]+)/.exec(link)!;
    // Other journeys may have undone a dispensing since: take a pack that is dispensed now.
    const pack = (await (await request.get(`/api/v1/packs/${gtin}/${encoded}`)).json()) as { status: string };
    if (pack.status !== 'DISPENSED') continue;
    await request.delete('/api/v1/session');
    return { gtin: gtin!, serial: decodeURIComponent(encoded!) };
  }
  throw new Error('The demo network has no dispensed pack of this lot.');
}

const yymmdd = (iso: string) => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);

test('a visitor types a batch ID and sees the batch verdict, with its commissioning proved in the browser', async ({ page }) => {
  const problems = watchForViolations(page);
  const response = await page.goto('/verify');
  expect(response?.headers()['content-security-policy']).not.toContain('unsafe-inline');
  await expect(page.getByRole('heading', { level: 1, name: 'Verify a pack or batch' })).toBeVisible();
  await page.getByLabel('Code on the pack, or batch ID').fill(`(01)${AMOXICILLIN.gtin}(10)${LOT.lot}`);
  await page.getByRole('button', { name: 'Check', exact: true }).click();

  await expect(page).toHaveURL(/\/verify\?code=/);
  await expect(page.getByRole('heading', { level: 2, name: 'AUTHENTIC' })).toBeVisible();
  await expect(page.getByText('This batch', { exact: true })).toBeVisible();
  const facts = page.getByRole('region', { name: 'What was checked' });
  await expect(facts).toContainText(AMOXICILLIN.name);
  await expect(facts).toContainText('Nordwind Pharma GmbH');
  await expect(facts).toContainText(`Packs made${LOT.story.packs}`);
  await expect(facts).toContainText(/Packs dispensed\d+/);
  await expect(page.getByRole('status').filter({ hasText: /proven by the ledger, checked in your browser/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Proven in your browser').first()).toBeVisible();
  expect(problems).toEqual([]);
});

test('the lot typed beside a product picked from the list gives the same batch', async ({ page }) => {
  await page.goto('/verify');
  await page.getByText('Type the code in parts, or check a batch by its lot number').click();
  await page.getByLabel('Product').selectOption({ value: AMOXICILLIN.gtin });
  await page.getByLabel('Lot or batch (10)').fill(LOT.lot);
  await page.getByRole('button', { name: 'Check these' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'AUTHENTIC' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'What was checked' })).toContainText(`Lot${LOT.lot}`);
});

test('the Digital Link of a dispensed pack opens DISPENSED, with its journey proved step by step in the browser', async ({ page, request }) => {
  const problems = watchForViolations(page);
  const { gtin, serial } = await dispensedPack(request);
  await page.goto(`/01/${gtin}/10/${LOT.lot}/21/${serial}?17=${yymmdd(LOT.expiry)}`);
  await expect(page.getByRole('heading', { level: 2, name: 'DISPENSED' })).toBeVisible();
  await expect(page.getByText(/If someone is selling it to you now, beware/)).toBeVisible();

  const journey = page.getByRole('region', { name: 'Its journey, proved step by step' });
  await expect(journey.getByRole('listitem').first()).toContainText('Made and given its serial number by Nordwind Pharma GmbH');
  await expect(journey.getByRole('listitem').last()).toContainText('Dispensed to a patient by a pharmacy in');
  // Traders are not named on the public page.
  await expect(journey).not.toContainText('Rhein Pharma');
  await expect(journey).not.toContainText('Apotheke');
  await expect(journey.getByRole('status')).toHaveText(/^All \d+ events are proven by the ledger, checked in your browser\.$/, { timeout: 30_000 });
  const steps = await journey.getByRole('listitem').count();
  await expect(journey.getByRole('img', { name: 'Verified' })).toHaveCount(steps);
  await expect(journey.getByText(/included in anchor #\d+, sealed with the period ending .*; checkpoint of \d+ anchors signed by .* \(key [0-9a-f]{8}\)/).first()).toBeVisible();
  await expect(journey.getByText(/Checked against the ledger key .*, fingerprint [0-9a-f]{8}/)).toBeVisible();

  const download = page.waitForEvent('download');
  await journey.getByRole('button', { name: /^Download proof: Dispensed to a patient/ }).click();
  const file = await (await download).path();
  const bundle = JSON.parse(readFileSync(file, 'utf8')) as { version: number; epc: { key: string } };
  expect(bundle.version).toBe(1);
  expect(bundle.epc.key).toBe(`01/${gtin}/21/${serial}`);
  expect(problems).toEqual([]);
});

test('a proof corrupted on its way to the browser shows the broken link, not a tick', async ({ page, request }) => {
  const { gtin, serial } = await dispensedPack(request);
  await page.route('**/api/v1/proofs/**', async (route) => {
    const response = await route.fetch();
    if (response.status() !== 200) return route.fulfill({ response });
    // The page may give up a request it no longer needs (a re-render): its response is then gone, and so is the route.
    const bundle = (await response.json().catch(() => null)) as { period: { path: string[] }; anchor: { root: string } } | null;
    if (!bundle) return;
    // Flip one hex digit: one byte of a hash changed in transit.
    const flip = (hex: string) => (hex[0] === '0' ? '1' : '0') + hex.slice(1);
    if (bundle.period.path.length > 0) bundle.period.path[0] = flip(bundle.period.path[0]!);
    else bundle.anchor.root = flip(bundle.anchor.root);
    await route.fulfill({ response, json: bundle });
  });
  await page.goto(`/01/${gtin}/21/${serial}`);
  await expect(page.getByRole('heading', { level: 2, name: 'DISPENSED' })).toBeVisible();
  const journey = page.getByRole('region', { name: 'Its journey, proved step by step' });
  await expect(journey.getByRole('status')).toHaveText(/^Warning: the proof of \d+ events? (is|are) broken/, { timeout: 30_000 });
  await expect(journey.getByRole('alert').first()).toContainText(/Proof broken at: Not shown to be included in period #\d+/);
  await expect(journey.getByText('Proven in your browser')).toHaveCount(0);
});

test('a made-up serial is UNKNOWN, with what to do and no journey', async ({ page }) => {
  await page.goto('/verify');
  await page.getByLabel('Code on the pack, or batch ID').fill(`(01)${AMOXICILLIN.gtin}(17)${yymmdd(LOT.expiry)}(10)${LOT.lot}(21)MADEUP7X9Q2K`);
  await page.getByLabel('Code on the pack, or batch ID').press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'UNKNOWN' })).toBeVisible();
  await expect(page.getByText(/likely counterfeit/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Its journey, proved step by step' })).toHaveCount(0);
});

test('a code that cannot be read gets a clear error on the form', async ({ page }) => {
  await page.goto('/verify?code=(01)04098765000118(21)X');
  await expect(page.getByRole('alert').filter({ hasText: /check digit/ })).toBeVisible();
  await expect(page.getByLabel('Code on the pack, or batch ID')).toHaveAttribute('aria-invalid', 'true');
});

test('apps get the same verdict as JSON from the public API', async ({ request }) => {
  const { gtin, serial } = await dispensedPack(request);
  const response = await request.get(`/api/v1/verify?code=${encodeURIComponent(`https://id.gs1.org/01/${gtin}/21/${serial}`)}`);
  expect(response.status()).toBe(200);
  const verdict = (await response.json()) as { verdict: string; journey: { step: string }[] };
  expect(verdict.verdict).toBe('DISPENSED');
  expect(verdict.journey.at(-1)?.step).toBe('dispense');
  const bad = await request.get('/api/v1/verify?code=hello');
  expect(bad.status()).toBe(422);
  expect((await bad.json()).code).toBe('gs1_unrecognised');
});

test('the hot API routes answered before Next carry the same security headers as the routes Next answers', async ({ request }) => {
  const SECURITY = ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'permissions-policy', 'x-frame-options', 'cross-origin-opener-policy', 'strict-transport-security', 'cache-control'];
  const picked = (headers: Record<string, string>) => Object.fromEntries(SECURITY.map((name) => [name, headers[name]]));
  // Served by Next's router: the products list (401 without credentials) and the proof of a malformed event id (400).
  const viaNext = [await request.get('/api/v1/products'), await request.get('/api/v1/proofs/ni%3A%2F%2F%2Fsha-256%3Bnope')];
  // Served by the fast lane (docs/decisions/093): verify, dispense (401 without credentials) and health.
  const viaFastLane = [await request.get('/api/v1/verify?code=hello'), await request.post('/api/v1/dispense', { data: { code: 'x' } }), await request.get('/api/health')];
  expect(viaNext.map((r) => r.status())).toEqual([401, 400]);
  expect(viaFastLane.map((r) => r.status())).toEqual([422, 401, 200]);
  const reference = picked(viaNext[0]!.headers());
  expect(reference['content-security-policy']).toContain("default-src 'none'");
  expect(reference['x-frame-options']).toBe('DENY');
  for (const response of [...viaNext, ...viaFastLane]) expect(picked(response.headers()), response.url()).toEqual(reference);
});

test('a photo of the DataMatrix on a pack is read in the browser and checked', async ({ page, request }) => {
  const problems = watchForViolations(page);
  const { gtin, serial } = await dispensedPack(request);
  const photo = await toBuffer({ bcid: 'gs1datamatrix', text: `(01)${gtin}(17)${yymmdd(LOT.expiry)}(10)${LOT.lot}(21)${serial}`, scale: 6, paddingwidth: 10, paddingheight: 10, backgroundcolor: 'FFFFFF' });
  await page.goto('/verify');
  await page.getByRole('button', { name: 'Scan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Scan the code on the pack' });
  await expect(dialog).toBeVisible();
  // No camera in the test browser: the dialog says so and offers the photo.
  await expect(dialog.getByRole('status')).toContainText(/camera is not available|Hold the code/);
  await dialog.getByLabel('Or use a photo of the code').setInputFiles({ name: 'pack.png', mimeType: 'image/png', buffer: photo });
  await expect(page.getByRole('heading', { level: 2, name: 'DISPENSED' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'What was checked' })).toContainText(serial);
  expect(problems).toEqual([]);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test('the page fits the screen, with large targets, and keeps the verdict first', async ({ page, request }) => {
    const { gtin, serial } = await dispensedPack(request);
    await page.goto(`/01/${gtin}/21/${serial}`);
    await expect(page.getByRole('heading', { level: 2, name: 'DISPENSED' })).toBeVisible();
    const wide = await page.evaluate(() => [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).map((e) => `${e.tagName}.${e.className}`.slice(0, 80)));
    expect(wide).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    for (const name of ['Scan', 'Check']) {
      const box = await page.getByRole('button', { name, exact: true }).boundingBox();
      expect(box!.height, name).toBeGreaterThanOrEqual(44);
    }
  });
});
