import { randomInt } from 'node:crypto';
import { expect, request as playwrightRequest, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';

/**
 * Shared steps of the console journeys. Each journey makes its own goods
 * through the public API (as the organisations of the demo network would,
 * with their own sessions), so journeys do not depend on one another or on
 * the order they run in; then it walks through the screens of one role.
 */
export const PASSWORD = 'demo-pharma-2026';
export const ACCOUNTS = {
  manufacturer: 'qa@nordwind.example',
  distributor: 'warehouse@rhein.example',
  pharmacy: 'counter@apotheke-markt.example',
  regulator: 'inspector@nmva.example',
} as const;
export const GLN = { rhein: '4091234000016', markt: '4095555000014' } as const;
const NORDWIND_PREFIX = '4098765';

export function gs1CheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return String((10 - (sum % 10)) % 10);
}

/** A GTIN-14 under Nordwind's company prefix that no demo product uses (item references 00011 and 00028 are taken). */
export function freshGtin(): string {
  const body = `0${NORDWIND_PREFIX}${String(randomInt(10_000, 99_999))}`;
  return body + gs1CheckDigit(body);
}

export function freshLot(prefix = 'E2E'): string {
  return `${prefix}${randomInt(100_000, 999_999)}`;
}

/** Fails the test on any Content-Security-Policy violation or uncaught script error on the page. */
export function watchForViolations(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/console$/);
}

/** A full-page screenshot, attached to the test's report as an artefact. */
export async function snapshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await testInfo.attach(name, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
}

/** Types a code into a station's scan field and presses Enter, as a keyboard-wedge scanner does. */
export async function scanInto(page: Page, label: string | RegExp, code: string): Promise<void> {
  const field = page.getByLabel(label);
  await expect(field).toBeFocused();
  await field.pressSequentially(code, { delay: 0 });
  await field.press('Enter');
}

/** An API session of a demo account, for making a journey's goods. */
export async function apiAs(baseURL: string, email: string): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL });
  const response = await api.post('/api/v1/session', { data: { email, password: PASSWORD } });
  expect(response.status(), await response.text()).toBe(200);
  return api;
}

async function ok<T>(response: Promise<import('@playwright/test').APIResponse>): Promise<T> {
  const answer = await response;
  expect(answer.ok(), `${answer.url()}: ${answer.status()} ${await answer.text()}`).toBe(true);
  return (await answer.json()) as T;
}

export type TGoods = { gtin: string; lot: string; expiry: string; batchId: string; serials: string[]; cases: string[] };

/** The bracketed code printed on a pack (what a DataMatrix carries). */
export function packCode(goods: Pick<TGoods, 'gtin' | 'lot' | 'expiry'>, serial: string): string {
  const [y, m, d] = goods.expiry.split('-');
  return `(01)${goods.gtin}(17)${y!.slice(2)}${m}${d}(10)${goods.lot}(21)${serial}`;
}

/** Nordwind registers a product and a batch, commissions packs and packs them into cases of `caseSize`. */
export async function makeGoods(baseURL: string, options: { cases: number; caseSize: number }): Promise<TGoods> {
  const maker = await apiAs(baseURL, ACCOUNTS.manufacturer);
  const gtin = freshGtin();
  const lot = freshLot();
  const expiry = '2029-06-30';
  await ok(maker.post('/api/v1/products', { data: { gtin, name: `Journey paracetamol ${lot}`, form: 'tablet', strength: '500 mg', packSize: 20, companyPrefixLength: 7 } }));
  const batch = await ok<{ id: string }>(maker.post('/api/v1/batches', { data: { gtin, lot, expiry } }));
  const { serials } = await ok<{ serials: string[] }>(maker.post(`/api/v1/batches/${batch.id}/commission`, { data: { count: options.cases * options.caseSize } }));
  const cases: string[] = [];
  for (let c = 0; c < options.cases; c++) {
    const { sscc } = await ok<{ sscc: string }>(maker.post('/api/v1/containers'));
    const codes = serials.slice(c * options.caseSize, (c + 1) * options.caseSize).map((s) => packCode({ gtin, lot, expiry }, s));
    await ok(maker.post('/api/v1/scans', { data: { events: [{ kind: 'pack', parent: `(00)${sscc}`, codes }] } }));
    cases.push(sscc);
  }
  await maker.dispose();
  return { gtin, lot, expiry, batchId: batch.id, serials, cases };
}

/** Records scans as a demo organisation (POST /api/v1/scans). */
export async function scanAs(baseURL: string, email: string, events: unknown[]): Promise<void> {
  const api = await apiAs(baseURL, email);
  await ok(api.post('/api/v1/scans', { data: { events } }));
  await api.dispose();
}

/** Dispenses a pack at a pharmacy through the dispensing API. */
export async function dispenseAs(baseURL: string, email: string, code: string): Promise<void> {
  const api = await apiAs(baseURL, email);
  await ok(api.post('/api/v1/dispense', { data: { code } }));
  await api.dispose();
}
