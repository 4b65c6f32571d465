import { expect, test } from '@playwright/test';
import { ACCOUNTS, GLN, makeGoods, packCode, scanAs, scanInto, signIn, snapshot, watchForViolations } from './support';

test('a warehouse operator receives one case of a delivery at the scan station, sees the difference, and ships the case on to a pharmacy', async ({ page, baseURL }, testInfo) => {
  const problems = watchForViolations(page);
  // Nordwind ships two cases to Rhein; one of them arrives today.
  const goods = await makeGoods(baseURL as string, { cases: 2, caseSize: 6 });
  await scanAs(baseURL as string, ACCOUNTS.manufacturer, [{ kind: 'ship', codes: goods.cases.map((s) => `(00)${s}`), to: GLN.rhein }]);
  const [arrived, missing] = goods.cases as [string, string];

  await signIn(page, ACCOUNTS.distributor);
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Scan station' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Scan station' })).toBeVisible();
  const delivery = page.getByRole('listitem').filter({ hasText: 'Delivery from Nordwind Pharma GmbH' }).filter({ hasText: arrived });
  await expect(delivery).toContainText(`Case ${missing} · 6 packs`);

  // A smudged label first: the station says it could not read it, and keeps the focus for the next scan.
  const field = /Scan what arrived/;
  await scanInto(page, field, '(01)04098765000118(21)X');
  await expect(page.getByRole('alert').filter({ hasText: 'NOT READ' })).toContainText('check digit');
  // A pack of the case scanned instead of its label: the station asks for the case label.
  await scanInto(page, field, packCode(goods, goods.serials[0]!));
  await expect(page.getByRole('alert').filter({ hasText: 'SCAN THE CASE' })).toContainText(`inside case ${arrived}`);
  // The case label, as a GS1-128 scanner sends it.
  await scanInto(page, field, `]C100${arrived}`);
  await expect(page.getByRole('status').filter({ hasText: 'EXPECTED' })).toContainText(`Case ${arrived} (6 packs)`);
  await expect(delivery).toContainText('1 of 2 scanned');
  const differences = page.getByRole('region', { name: 'Differences' });
  await expect(differences).toContainText(`Case ${missing} from Nordwind Pharma GmbH`);
  await snapshot(page, testInfo, 'distributor-receiving');
  await page.getByRole('button', { name: 'Record receipt of 1 item' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 item received.' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Delivery from Nordwind Pharma GmbH' }).filter({ hasText: missing })).toContainText('(1 already received)');

  // Pick and ship the received case to a pharmacy.
  await page.getByRole('radio', { name: 'Pick & ship' }).check();
  await page.getByLabel('Ship to').selectOption({ label: `Apotheke am Markt (GLN ${GLN.markt})` });
  await scanInto(page, /Scan what you pick/, `(00)${arrived}`);
  await expect(page.getByRole('status').filter({ hasText: 'OK' })).toContainText('ready to ship');
  await page.getByRole('button', { name: 'Ship 1 item to Apotheke am Markt' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 item shipped to Apotheke am Markt.' })).toBeVisible();
  await snapshot(page, testInfo, 'distributor-shipped');

  // The case is now on its way to the pharmacy.
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Cases' }).click();
  await expect(page.getByRole('row', { name: new RegExp(arrived) })).toContainText('Shipped to Apotheke am Markt');
  expect(problems).toEqual([]);
});
