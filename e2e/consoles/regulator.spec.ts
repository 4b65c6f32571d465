import { expect, test } from '@playwright/test';
import { ACCOUNTS, dispenseAs, GLN, makeGoods, packCode, scanAs, signIn, snapshot, watchForViolations } from './support';

test('an inspector finds the full history of a dispensed pack, with who shipped it to whom, and runs the ledger audit', async ({ page, baseURL }, testInfo) => {
  const problems = watchForViolations(page);
  const goods = await makeGoods(baseURL as string, { cases: 1, caseSize: 4 });
  const [sscc] = goods.cases as [string];
  const code = packCode(goods, goods.serials[1]!);
  await scanAs(baseURL as string, ACCOUNTS.manufacturer, [{ kind: 'ship', codes: [`(00)${sscc}`], to: GLN.rhein }]);
  await scanAs(baseURL as string, ACCOUNTS.distributor, [{ kind: 'receive', codes: [`(00)${sscc}`] }, { kind: 'ship', codes: [`(00)${sscc}`], to: GLN.markt }]);
  await scanAs(baseURL as string, ACCOUNTS.pharmacy, [{ kind: 'receive', codes: [`(00)${sscc}`] }]);
  await dispenseAs(baseURL as string, ACCOUNTS.pharmacy, code);

  await signIn(page, ACCOUNTS.regulator);
  await expect(page.getByRole('figure', { name: /Events of the whole network per day/ })).toBeVisible();
  await snapshot(page, testInfo, 'regulator-overview');
  const nav = page.getByRole('navigation', { name: 'Console' });

  // The pack's history, private records included: who shipped it to whom.
  await nav.getByRole('link', { name: 'Pack history' }).click();
  await page.getByLabel('Pack or case code').fill(code);
  await page.getByRole('button', { name: 'Show the history' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`SN ${goods.serials[1]}`);
  const history = page.getByRole('region', { name: /History/ });
  const steps = history.getByRole('listitem');
  await expect(steps).toHaveCount(7);
  await expect(steps.first()).toContainText('Dispensed to a patient');
  await expect(steps.first()).toContainText('Recorded by Apotheke am Markt');
  await expect(history.getByRole('listitem').filter({ hasText: 'Shipped' }).first()).toContainText('to Apotheke am Markt');
  await expect(history).toContainText('Recorded by Nordwind Pharma GmbH · to Rhein Pharma Wholesale KG');
  // The server seals every 2 seconds in this environment: every event gets its proof.
  await expect(async () => {
    await page.reload();
    await expect(history.getByRole('listitem')).toHaveCount(7, { timeout: 5_000 });
    await expect(history.getByRole('link', { name: 'Proof bundle (JSON)' })).toHaveCount(7, { timeout: 100 });
  }).toPass({ timeout: 30_000 });
  await expect(history.getByText('Waiting for the next seal')).toHaveCount(0);
  await snapshot(page, testInfo, 'regulator-pack-history');

  // The same pack in the event explorer, across organisations.
  await nav.getByRole('link', { name: 'Event explorer' }).click();
  await page.getByLabel('Pack, case or batch code').fill(code);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Apotheke am Markt' }).first()).toContainText('Dispensing');

  // The audit recomputes the whole ledger and says so.
  await nav.getByRole('link', { name: 'Ledger & audit' }).click();
  await expect(page.getByRole('region', { name: 'Latest checkpoint' })).toContainText('—');
  await page.getByRole('button', { name: 'Run the audit now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'AUDIT PASSED' })).toBeVisible({ timeout: 60_000 });
  await snapshot(page, testInfo, 'regulator-audit');
  expect(problems).toEqual([]);
});
