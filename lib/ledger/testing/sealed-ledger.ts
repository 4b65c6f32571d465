import { sealWaiting } from '../seal/seal-waiting';
import { insertTestEvents } from './insert-test-events';

let ledger: Promise<{ eventId: string }> | undefined;

/**
 * A ledger with two sealed periods (so two checkpoints) in the test's
 * database, made once per test file: for tests that need something sealed
 * to ask about (the access matrix's ledger and proof rows).
 */
export function sealedLedger(): Promise<{ eventId: string }> {
  ledger ??= (async () => {
    const [event] = await insertTestEvents(3);
    await sealWaiting();
    await insertTestEvents(1);
    await sealWaiting();
    return { eventId: event!.eventId };
  })();
  return ledger;
}
