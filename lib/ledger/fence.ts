import type { Queryable } from '@/lib/db';

/**
 * The seal fence: how the sealer finds a high-water mark of event ids below
 * which no event can still appear.
 *
 * Event ids come from a sequence, and sequence order is not commit order: a
 * transaction that took id 100 may commit after one that took id 101. If a
 * seal covered "every event up to 101" while 100 was still uncommitted, event
 * 100 would later appear inside an already sealed range and never be sealed.
 *
 * So every transaction that inserts events first takes this advisory lock in
 * shared mode (held until it commits or rolls back), and the sealer takes it
 * exclusively for an instant to read max(id): at that moment every transaction
 * that allocated an id has finished, and every later one allocates a larger id.
 * Shared holders never block each other; they wait only during that instant.
 */
export const LEDGER_FENCE_KEY = 0x5054_4c46; // "PTLF"

/**
 * The statement that enters the fence: run it first inside any transaction
 * that inserts into `events`, best as withTransaction's `opening` (sent
 * with BEGIN, no round trip of its own). `genericPlans`: the transaction's
 * prepared statements use their generic plans (plan_cache_mode, until the
 * transaction ends), for small requests whose custom plans would cost more
 * to make than to run (docs/decisions/095).
 */
export function eventFenceStatement(options: { genericPlans?: boolean } = {}): string {
  const lock = `SELECT pg_advisory_xact_lock_shared(${LEDGER_FENCE_KEY})`;
  return options.genericPlans ? `${lock}, set_config('plan_cache_mode', 'force_generic_plan', true)` : lock;
}

/** Enters the fence inside a transaction that is already open (eventFenceStatement). */
export async function enterEventFence(tx: Queryable, options: { genericPlans?: boolean } = {}): Promise<void> {
  await tx.query(eventFenceStatement(options));
}

/**
 * The largest event id that can be sealed: every event with an id at or below
 * it is committed (or gone for good). Takes the fence exclusively for an
 * instant on a connection outside any transaction that inserts events.
 */
export async function readSealableHighWaterMark(client: Queryable): Promise<bigint> {
  await client.query('SELECT pg_advisory_lock($1)', [LEDGER_FENCE_KEY]);
  try {
    const { rows } = await client.query<{ max: string | null }>('SELECT max(id)::text AS max FROM events');
    return BigInt(rows[0]?.max ?? '0');
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LEDGER_FENCE_KEY]);
  }
}
