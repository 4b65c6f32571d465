import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { ACCOUNTS, freshGtin, freshLot, signIn, snapshot, watchForViolations } from './support';

test('a quality manager registers a product and a batch, commissions 1,000 packs watching the progress, prints their labels, packs two cases and ships them', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const problems = watchForViolations(page);
  const gtin = freshGtin();
  const lot = freshLot('QA');
  await signIn(page, ACCOUNTS.manufacturer);
  await expect(page.getByRole('heading', { level: 1, name: 'Signed in as Jonas Becker' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Console' });

  // A product: the GTIN is checked while it is typed.
  await nav.getByRole('link', { name: 'Products' }).click();
  await expect(nav.getByRole('link', { name: 'Products' })).toHaveAttribute('aria-current', 'page');
  const gtinField = page.getByLabel('GTIN', { exact: true });
  await gtinField.fill(`${gtin.slice(0, 13)}${(Number(gtin[13]) + 1) % 10}`);
  await expect(page.getByText(`it must be ${gtin[13]}`)).toBeVisible();
  await expect(gtinField).toHaveAttribute('aria-invalid', 'true');
  await gtinField.fill(gtin);
  await expect(page.getByText(`Valid GTIN ${gtin}, under your company prefix 4098765.`)).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill(`Ibuprofen 400 mg tablets ${lot}`);
  await page.getByLabel('Pharmaceutical form').fill('film-coated tablet');
  await page.getByLabel('Strength').fill('400 mg');
  await page.getByLabel('Units per pack').fill('30');
  await page.getByRole('button', { name: 'Register product' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is registered' })).toContainText(gtin);

  // A batch of it.
  await page.getByRole('link', { name: 'Register a batch of it' }).click();
  await expect(page.getByLabel('Product', { exact: true })).toHaveValue(gtin);
  await page.getByLabel('Lot number').fill(lot);
  await page.getByLabel('Expiry date').fill('2029-09-30');
  await page.getByRole('button', { name: 'Register batch' }).click();
  await page.getByRole('link', { name: 'Commission its packs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Lot ${lot}` })).toBeVisible();

  // 1,000 packs in one commissioning event, with a progress bar that moves from 0 to 100 % (values recorded as the page draws them).
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { progressSeen: number[] }).progressSeen = seen;
    new MutationObserver(() => {
      for (const bar of document.querySelectorAll('progress')) if (seen.at(-1) !== bar.value) seen.push(bar.value);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
  });
  await page.getByLabel('Number of packs').fill('1000');
  await page.getByRole('button', { name: 'Commission packs' }).click();
  const done = page.getByRole('status').filter({ hasText: '1,000 packs commissioned' });
  await expect(done).toContainText(`in lot ${lot}, as one commissioning event`);
  await expect(done.getByRole('progressbar')).toHaveAttribute('value', '1');
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
  expect(seen[0]).toBe(0);
  expect(seen.at(-1)).toBe(1);
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
  await snapshot(page, testInfo, 'manufacturer-commissioned');

  // The serial list, and the labels of this run.
  const download = page.waitForEvent('download');
  await done.getByRole('link', { name: 'Download the serial list (CSV)' }).click();
  const csv = await readFile((await (await download).path()) as string, 'utf8');
  const rows = csv.trim().split('\r\n');
  expect(rows).toHaveLength(1001);
  expect(rows[1]).toMatch(new RegExp(`^${gtin},${lot},2029-09-30,[2-9A-Z]{12},\\(01\\)${gtin}\\(17\\)290930\\(10\\)${lot}\\(21\\)[2-9A-Z]{12},http`));
  await done.getByRole('link', { name: 'Print labels for these packs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Labels of lot ${lot}` })).toBeVisible();
  await expect(page.getByText('labels 1–24 of 1000 (sheet 1 of 42)')).toBeVisible();
  const sheet = page.getByRole('list', { name: 'Label sheet 1' });
  await expect(sheet.getByRole('listitem')).toHaveCount(24);
  await expect(sheet.locator('svg')).toHaveCount(48);
  await expect(sheet.getByRole('listitem').first()).toContainText(`PC${gtin}`);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Console' })).toBeHidden();
  await snapshot(page, testInfo, 'manufacturer-labels-print');
  await page.emulateMedia({ media: 'screen' });

  // Two cases of 24, each with its SSCC label, then both shipped to the wholesaler.
  const ssccs: string[] = [];
  for (let c = 0; c < 2; c++) {
    await nav.getByRole('link', { name: 'Packing & shipping' }).click();
    await page.getByRole('button', { name: 'Start a new case' }).click();
    await expect(page).toHaveURL(/\/console\/cases\/\d{18}$/);
    const sscc = page.url().slice(-18);
    ssccs.push(sscc);
    const batch = page.getByRole('combobox', { name: 'Batch' });
    await batch.selectOption((await batch.locator('option', { hasText: `lot ${lot}` }).getAttribute('value')) as string);
    await page.getByLabel('Packs to pack').fill('24');
    await page.getByRole('button', { name: 'Pack into this case' }).click();
    await expect(page.getByRole('status').filter({ hasText: `24 packs packed into case ${sscc}` })).toBeVisible();
    await page.getByRole('link', { name: 'Print SSCC label' }).click();
    await expect(page.getByRole('article', { name: `SSCC label ${sscc}` })).toContainText(`(00)${sscc}`);
    if (c === 0) await snapshot(page, testInfo, 'manufacturer-sscc-label');
  }
  await nav.getByRole('link', { name: 'Packing & shipping' }).click();
  for (const sscc of ssccs) await page.getByRole('checkbox', { name: new RegExp(`SSCC ${sscc}`) }).check();
  await page.getByLabel('Ship to').selectOption({ label: 'Rhein Pharma Wholesale KG (GLN 4091234000016)' });
  await page.getByRole('button', { name: 'Ship the ticked cases' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 cases shipped to Rhein Pharma Wholesale KG' })).toBeVisible();
  for (const sscc of ssccs) await expect(page.getByRole('row', { name: new RegExp(sscc) })).toContainText('Shipped to Rhein Pharma Wholesale KG');
  await snapshot(page, testInfo, 'manufacturer-shipped');
  expect(problems).toEqual([]);
});
