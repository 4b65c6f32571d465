import { getPrisma } from '@/lib/db';
import { hashPassword } from '@/lib/auth/password';
import { DEMO_ORGS, DEMO_PASSWORD, DEMO_PRODUCTS } from './demo-data';

/**
 * Seeds the demo network. Idempotent: rows are matched by their natural keys
 * (GLN, e-mail, GTIN, GTIN + lot) and left alone when present, so running it
 * again changes nothing.
 */
export async function seedDemo(log: (line: string) => void = () => undefined): Promise<void> {
  const prisma = getPrisma();
  const orgIds = new Map<string, string>();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const org of DEMO_ORGS) {
    const { users, key, ...data } = org;
    const row = await prisma.organisation.upsert({ where: { gln: org.gln }, update: {}, create: data });
    orgIds.set(key, row.id);
    for (const user of users) {
      await prisma.user.upsert({
        where: { email: user.email },
        update: {},
        create: { ...user, orgId: row.id, passwordHash },
      });
    }
  }
  for (const product of DEMO_PRODUCTS) {
    const { owner, lots, ...data } = product;
    await prisma.product.upsert({
      where: { gtin: product.gtin },
      update: {},
      create: { ...data, ownerOrgId: orgIds.get(owner)! },
    });
    for (const lot of lots) {
      await prisma.batch.upsert({
        where: { gtin_lot: { gtin: product.gtin, lot: lot.lot } },
        update: {},
        create: {
          gtin: product.gtin,
          lot: lot.lot,
          expiry: new Date(`${lot.expiry}T00:00:00Z`),
          manufacturedOn: new Date(`${lot.manufacturedOn}T00:00:00Z`),
        },
      });
    }
  }
  log(`Demo data: ${DEMO_ORGS.length} organisations, ${DEMO_PRODUCTS.length} products.`);
}
