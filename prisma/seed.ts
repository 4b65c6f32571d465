import { ACTOR_ORG_COLUMNS, actorOrgOf, type TActorOrgRow, type TOrgActor } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import { commissionBatch } from '@/lib/catalog/commission-batch';
import { getPool, getPrisma } from '@/lib/db';
import { recordScans, ZScanRequest, type TRecordResult, type TScanEventInput } from '@/lib/events';
import { withCheckDigit } from '@/lib/gs1';
import { DEMO_ORGS, DEMO_PASSWORD, DEMO_PRODUCTS, DEMO_TIME_ZONES } from './demo-data';

/**
 * Seeds the demo network. Idempotent: rows are matched by their natural keys
 * (GLN, e-mail, GTIN, GTIN + lot) and left alone when present, and the
 * story's events are re-sent identically (fixed times, SSCCs and pack order),
 * so the events service answers them as duplicates: running it again
 * changes nothing, and an interrupted run is completed by the next.
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
  const recorded = await tellStory(orgIds);
  log(`Demo story: ${recorded.packs} packs, ${recorded.events} new events.`);
}

type TLot = (typeof DEMO_PRODUCTS)[number]['lots'][number];

/**
 * The demo story, through the same services as the API: each lot is
 * commissioned, packed in cases, shipped to a wholesaler, unpacked, passed on
 * to pharmacies and partly dispensed (see DemoStory in demo-data.ts).
 */
async function tellStory(orgIds: Map<string, string>): Promise<{ packs: number; events: number }> {
  const actors = new Map<string, TOrgActor>();
  const actor = async (key: string) => actors.get(key) ?? actors.set(key, await adminActor(orgIds.get(key)!)).get(key)!;
  let packs = 0;
  let events = 0;
  for (const [productIndex, product] of DEMO_PRODUCTS.entries()) {
    const prefix = DEMO_ORGS.find((o) => o.key === product.owner)!.companyPrefixes[0]!;
    for (const [lotIndex, lot] of product.lots.entries()) {
      const serials = await lotSerials(await actor(product.owner), product.gtin, lot);
      if (serials.length < lot.story.cases * lot.story.caseSize) continue;
      packs += serials.length;
      const ssccs = Array.from({ length: lot.story.cases }, (_, c) => withCheckDigit(`3${prefix}${productIndex}${lotIndex}${String(c).padStart(14 - prefix.length, '0')}`));
      for (const step of storySteps(product.gtin, lot, serials, ssccs)) {
        const result = await recordScans(await actor(step.by), ZScanRequest.parse({ events: step.events }));
        events += (result.body as TRecordResult).recorded;
      }
    }
  }
  return { packs, events };
}

/** The lot's serials in a fixed order, commissioning them first if the lot has none yet. */
async function lotSerials(owner: TOrgActor, gtin: string, lot: TLot): Promise<string[]> {
  const batch = async () => (await getPool().query<{ id: string; serials: string[] }>(
    `SELECT b.id, ARRAY(SELECT serial FROM packs WHERE batch_id = b.id ORDER BY serial) AS serials FROM batches b WHERE b.gtin = $1 AND b.lot = $2`,
    [gtin, lot.lot],
  )).rows[0]!;
  const found = await batch();
  if (found.serials.length > 0) return found.serials;
  await commissionBatch(owner, found.id, { count: lot.story.packs, eventTime: localTime(lot.manufacturedOn, 3, 8, owner.orgName) });
  return (await batch()).serials;
}

type TStep = { by: string; events: Partial<TScanEventInput>[] };

/** The scans of one lot's story, day by day after manufacturing. */
function storySteps(gtin: string, lot: TLot, serials: string[], ssccs: string[]): TStep[] {
  const { story } = lot;
  const owner = DEMO_PRODUCTS.find((p) => p.gtin === gtin)!.owner;
  const code = (serial: string) => `https://id.gs1.org/01/${gtin}/21/${serial}`;
  const caseCode = (sscc: string) => `(00)${sscc}`;
  const at = (org: string, days: number, hour: number) => localTime(lot.manufacturedOn, 3 + days, hour, org);
  const inCase = (c: number) => serials.slice(c * story.caseSize, (c + 1) * story.caseSize);
  const gln = (key: string) => DEMO_ORGS.find((o) => o.key === key)!.gln;
  const steps: TStep[] = [
    { by: owner, events: ssccs.map((sscc, c) => ({ kind: 'pack', parent: caseCode(sscc), codes: inCase(c).map(code), eventTime: at(owner, 1, 10) })) },
    { by: owner, events: [{ kind: 'ship', codes: ssccs.map(caseCode), to: gln(story.distributor), eventTime: at(owner, 2, 14), bizTransactions: [{ type: 'desadv', id: `DA-${lot.lot}` }] }] },
    { by: story.distributor, events: [{ kind: 'receive', codes: ssccs.map(caseCode), eventTime: at(story.distributor, 3, 9) }, ...ssccs.map((sscc) => ({ kind: 'unpack' as const, parent: caseCode(sscc), eventTime: at(story.distributor, 4, 11) }))] },
  ];
  story.pharmacies.forEach((pharmacy, p) => {
    const passed = serials.slice(p * story.perPharmacy, (p + 1) * story.perPharmacy).map(code);
    steps.push({ by: story.distributor, events: [{ kind: 'ship', codes: passed, to: gln(pharmacy), eventTime: at(story.distributor, 5, 15) }] });
    const dispensed = passed.slice(0, story.dispensed).map((c, k) => ({ kind: 'dispense' as const, codes: [c], eventTime: at(pharmacy, 8 + Math.floor(k / 4), 9 + 2 * (k % 4)) }));
    steps.push({ by: pharmacy, events: [{ kind: 'receive', codes: passed, eventTime: at(pharmacy, 6, 10) }, ...dispensed] });
  });
  if (story.expireAtDistributor) {
    const kept = serials.slice(story.pharmacies.length * story.perPharmacy, story.cases * story.caseSize).map(code);
    steps.push({ by: story.distributor, events: [{ kind: 'expire', codes: kept, eventTime: `${nextDay(lot.expiry)}T09:00:00${zoneOf(story.distributor)}` }] });
  }
  return steps;
}

/** `hour`:00 local time, `days` after `date`, in the organisation's time zone (by key or by name). */
function localTime(date: string, days: number, hour: number, org: string): string {
  const day = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, '0')}:00:00${zoneOf(org)}`;
}

function zoneOf(org: string): string {
  const found = DEMO_ORGS.find((o) => o.key === org || o.name === org);
  return DEMO_TIME_ZONES[found?.country ?? ''] ?? '+00:00';
}

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The organisation acting through its first administrator, as its people do in the console. */
async function adminActor(orgId: string): Promise<TOrgActor> {
  const { rows } = await getPool().query<{ user_id: string; email: string; user_name: string } & TActorOrgRow>(
    `SELECT u.id AS user_id, u.email, u.name AS user_name, ${ACTOR_ORG_COLUMNS}
       FROM users u JOIN organisations o ON o.id = u.org_id WHERE o.id = $1 AND u.role = 'ADMIN' ORDER BY u.created_at LIMIT 1`,
    [orgId],
  );
  const row = rows[0]!;
  return { kind: 'user', userId: row.user_id, userRole: 'ADMIN', email: row.email, name: row.user_name, sessionId: 'seed', ...actorOrgOf(row) };
}
