import { expect, test } from '@playwright/test';
import { ACCOUNTS, GLN, makeGoods, packCode, scanAs, scanInto, signIn, snapshot, watchForViolations } from './support';

test('a pharmacist receives a delivery by scanning its case, dispenses a pack from it, and sees the stock go down', async ({ page, baseURL }, testInfo) => {
  const problems = watchForViolations(page);
  const goods = await makeGoods(baseURL as string, { cases: 1, caseSize: 6 });
  const [sscc] = goods.cases as [string];
  await scanAs(baseURL as string, ACCOUNTS.manufacturer, [{ kind: 'ship', codes: [`(00)${sscc}`], to: GLN.rhein }]);
  await scanAs(baseURL as string, ACCOUNTS.distributor, [{ kind: 'receive', codes: [`(00)${sscc}`] }]);
  await scanAs(baseURL as string, ACCOUNTS.distributor, [{ kind: 'ship', codes: [`(00)${sscc}`], to: GLN.markt }]);

  await signIn(page, ACCOUNTS.pharmacy);
  const nav = page.getByRole('navigation', { name: 'Console' });
  await nav.getByRole('link', { name: 'Receive & return' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Delivery from Rhein Pharma Wholesale KG' }).filter({ hasText: sscc })).toContainText('6 packs');
  await scanInto(page, /Scan what arrived/, `(00)${sscc}`);
  await expect(page.getByRole('status').filter({ hasText: 'EXPECTED' })).toContainText(`Case ${sscc}`);
  await page.getByRole('button', { name: 'Record receipt of 1 item' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 item received.' })).toBeVisible();
  await snapshot(page, testInfo, 'pharmacy-received');

  // At the counter: one scan verifies and dispenses the pack.
  await nav.getByRole('link', { name: 'Dispensing' }).click();
  await scanInto(page, 'Scan the pack to dispense', packCode(goods, goods.serials[2]!));
  await expect(page.getByRole('status').filter({ hasText: 'DISPENSED' }).first()).toContainText(goods.serials[2]!);
  await snapshot(page, testInfo, 'pharmacy-dispensed');

  await nav.getByRole('link', { name: 'Stock' }).click();
  await page.getByLabel('Product, lot or GTIN').fill(goods.lot);
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page.getByRole('row', { name: new RegExp(goods.lot) }).getByRole('cell').nth(2)).toHaveText('5');
  expect(problems).toEqual([]);
});
