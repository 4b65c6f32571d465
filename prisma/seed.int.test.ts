import { describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db';
import { hasValidCheckDigit } from '@/lib/gs1/check-digit';
import { verifyPassword } from '@/lib/auth/password';
import { DEMO_ORGS, DEMO_PASSWORD } from './demo-data';
import { seedDemo } from './seed';

describe('seedDemo', () => {
  it('creates the demo network with valid identifiers, and running it again changes nothing', async () => {
    await seedDemo();
    const prisma = getPrisma();
    const counts = async () => ({
      orgs: await prisma.organisation.count(),
      users: await prisma.user.count(),
      products: await prisma.product.count(),
      batches: await prisma.batch.count(),
    });
    const first = await counts();
    expect(first.orgs).toBe(8);
    const roles = await prisma.organisation.groupBy({ by: ['role'], _count: true });
    expect(Object.fromEntries(roles.map((r) => [r.role, r._count]))).toEqual({ REGULATOR: 1, MANUFACTURER: 2, DISTRIBUTOR: 2, PHARMACY: 3 });
    for (const org of await prisma.organisation.findMany()) expect(hasValidCheckDigit(org.gln), org.gln).toBe(true);
    for (const product of await prisma.product.findMany()) expect(hasValidCheckDigit(product.gtin), product.gtin).toBe(true);

    await seedDemo();
    expect(await counts()).toEqual(first);
  });

  it('gives every demo user the documented password', async () => {
    await seedDemo();
    const user = await getPrisma().user.findUniqueOrThrow({ where: { email: DEMO_ORGS[0]!.users[0]!.email } });
    expect(await verifyPassword(user.passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(user.passwordHash, 'wrong')).toBe(false);
  });
});
