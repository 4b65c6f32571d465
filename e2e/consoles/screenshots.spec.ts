import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, dispenseAs, GLN, makeGoods, packCode, scanAs, scanInto, signIn } from './support';

/*
 * The README's pictures of each console (docs/screenshots/*.png), taken on
 * the demo network with a little of today's traffic added:
 *   npx playwright test --project screenshots
 */
const DIR = 'docs/screenshots';

async function shoot(page: Page, name: string): Promise<void> {
  await page.getByRole('main').evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: `${DIR}/${name}.png`, fullPage: true, animations: 'disabled', caret: 'hide' });
}

test.describe.configure({ mode: 'serial' });

test('the consoles, for the README', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const base = baseURL as string;
  // Today's traffic: a delivery still on its way to Rhein, one that reached Apotheke am Markt, a pack dispensed there.
  const waiting = await makeGoods(base, { cases: 2, caseSize: 12 });
  await scanAs(base, ACCOUNTS.manufacturer, [{ kind: 'ship', codes: waiting.cases.map((s) => `(00)${s}`), to: GLN.rhein }]);
  const sold = await makeGoods(base, { cases: 1, caseSize: 10 });
  await scanAs(base, ACCOUNTS.manufacturer, [{ kind: 'ship', codes: [`(00)${sold.cases[0]}`], to: GLN.rhein }]);
  await scanAs(base, ACCOUNTS.distributor, [{ kind: 'receive', codes: [`(00)${sold.cases[0]}`] }, { kind: 'ship', codes: [`(00)${sold.cases[0]}`], to: GLN.markt }]);
  await scanAs(base, ACCOUNTS.pharmacy, [{ kind: 'receive', codes: [`(00)${sold.cases[0]}`] }]);
  const dispensed = packCode(sold, sold.serials[0]!);
  await dispenseAs(base, ACCOUNTS.pharmacy, dispensed);

  const desktop = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB', timezoneId: 'Europe/Berlin' });
  const page = await desktop.newPage();
  await signIn(page, ACCOUNTS.manufacturer);
  await shoot(page, 'manufacturer-overview');
  await page.goto(`/console/batches/${waiting.batchId}`);
  await expect(page.getByRole('heading', { level: 1, name: `Lot ${waiting.lot}` })).toBeVisible();
  await shoot(page, 'manufacturer-batch');
  await page.goto(`/console/batches/${waiting.batchId}/labels`);
  await page.emulateMedia({ media: 'print' });
  await shoot(page, 'manufacturer-labels');
  await page.emulateMedia({ media: 'screen' });
  await page.goto('/console/shipping');
  await shoot(page, 'manufacturer-shipping');
  await desktop.clearCookies();

  await signIn(page, ACCOUNTS.distributor);
  await page.goto('/console/station');
  await scanInto(page, /Scan what arrived/, `(00)${waiting.cases[0]}`);
  await expect(page.getByRole('status').filter({ hasText: 'EXPECTED' })).toBeVisible();
  await shoot(page, 'distributor-station');
  await page.goto('/console/stock');
  await shoot(page, 'distributor-stock');
  await desktop.clearCookies();

  await signIn(page, ACCOUNTS.pharmacy);
  await page.goto('/console');
  await shoot(page, 'pharmacy-overview');
  await page.goto('/console/stock');
  await shoot(page, 'pharmacy-stock');
  await desktop.clearCookies();

  await signIn(page, ACCOUNTS.regulator);
  await page.goto('/console?days=7');
  await shoot(page, 'regulator-overview');
  await page.goto(`/console/packs?code=${encodeURIComponent(dispensed)}`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('heading', { name: /^History/ })).toBeVisible({ timeout: 5_000 });
    await expect(page.getByText('Waiting for the next seal')).toHaveCount(0, { timeout: 100 });
  }).toPass({ timeout: 30_000 });
  await shoot(page, 'regulator-pack-history');
  await page.goto('/console/events');
  await shoot(page, 'regulator-event-explorer');
  await page.goto('/console/ledger');
  await page.getByRole('button', { name: 'Run the audit now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'AUDIT PASSED' })).toBeVisible({ timeout: 60_000 });
  await shoot(page, 'regulator-ledger');
  await desktop.close();

  // The warehouse tablet: the same station at 768 px.
  const tablet = await browser.newContext({ viewport: { width: 768, height: 1024 }, locale: 'de-DE', timezoneId: 'Europe/Berlin', hasTouch: true });
  const onTablet = await tablet.newPage();
  await signIn(onTablet, ACCOUNTS.distributor);
  await onTablet.goto('/console/station');
  await scanInto(onTablet, /Scan what arrived/, `(00)${waiting.cases[1]}`);
  await expect(onTablet.getByRole('status').filter({ hasText: 'EXPECTED' })).toBeVisible();
  await shoot(onTablet, 'distributor-station-tablet');
  await tablet.close();
});
