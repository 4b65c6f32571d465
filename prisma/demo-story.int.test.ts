import { describe, expect, it } from 'vitest';
import { getPool } from '@/lib/db';
import { DEMO_PRODUCTS } from './demo-data';
import { seedDemo } from './seed';

/**
 * The demo story (prisma/seed.ts): a newcomer opening the console after
 * `npm start` sees a network that lives: stock along the chain, dispensed
 * packs, an expired batch. Told through the events service, so every pack
 * and event obeys the custody rules; told twice, it adds nothing.
 */
async function counts() {
  const { rows } = await getPool().query(
    `SELECT (SELECT count(*)::int FROM events) AS events, (SELECT count(*)::int FROM packs) AS packs,
            (SELECT count(*)::int FROM packs WHERE status = 'DISPENSED') AS dispensed,
            (SELECT count(*)::int FROM containers) AS cases, (SELECT count(*)::int FROM event_epcs) AS epcs`,
  );
  return rows[0] as { events: number; packs: number; dispensed: number; cases: number; epcs: number };
}

describe('the demo story', () => {
  it('commissions, ships, receives and dispenses packs of every demo lot, and a second seed adds nothing', async () => {
    await seedDemo();
    const first = await counts();
    const lots = DEMO_PRODUCTS.flatMap((p) => p.lots);
    expect(first.packs).toBe(lots.reduce((n, l) => n + l.story.packs, 0));
    expect(first.dispensed).toBe(lots.reduce((n, l) => n + l.story.dispensed * l.story.pharmacies.length, 0));
    expect(first.cases).toBe(lots.reduce((n, l) => n + l.story.cases, 0));
    await seedDemo();
    expect(await counts()).toEqual(first);
  });

  it('leaves stock at every organisation of the chain, and the expired lot ATV-23Z expired where it is held', async () => {
    await seedDemo();
    const { rows } = await getPool().query(
      `SELECT o.key_role, count(*)::int AS n FROM (SELECT lower(o.role::text) AS key_role, p.* FROM packs p JOIN organisations o ON o.id = p.custodian_org_id) o GROUP BY o.key_role ORDER BY 1`,
    );
    expect(rows.map((r) => r.key_role)).toEqual(['distributor', 'manufacturer', 'pharmacy']);
    const expired = await getPool().query(
      `SELECT p.status, lower(o.role::text) AS holder, count(*)::int AS n FROM packs p JOIN batches b ON b.id = p.batch_id
         LEFT JOIN organisations o ON o.id = p.custodian_org_id WHERE b.lot = 'ATV-23Z' GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(expired.rows).toEqual([
      { status: 'ACTIVE', holder: 'pharmacy', n: 6 },
      { status: 'DISPENSED', holder: null, n: 14 },
      { status: 'EXPIRED', holder: 'distributor', n: 40 },
    ]);
  });
});
