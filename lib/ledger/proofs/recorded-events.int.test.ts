import { describe, expect, it } from 'vitest';
import { commissionBatch } from '@/lib/catalog/commission-batch';
import { createTestBatch, createTestParty, packCode, scan } from '@/lib/events/testing/fixtures';
import { epcKey } from '@/lib/gs1';
import { verifyBundle } from '@/lib/verify';
import { runLedgerAudit } from '../audit/run-ledger-audit';
import { describeLedgerKey } from '../log/describe-ledger-key';
import { sealWaiting } from '../seal/seal-waiting';
import { buildProofBundle } from './build-proof-bundle';

/**
 * The ledger over events recorded by the events service itself (lib/events,
 * through lib/catalog's commissioning and the scan API), not the test
 * helper: they seal, prove and audit clean.
 */
describe('events recorded through lib/events', () => {
  it('are sealed, proven pack by pack, and pass the audit', async () => {
    const maker = await createTestParty('MANUFACTURER');
    const wholesaler = await createTestParty('DISTRIBUTOR');
    const batch = await createTestBatch(maker);
    const commissioned = await commissionBatch(maker.actor, batch.batchId, { count: 3 });
    const [first, second] = commissioned.serials;
    const shipped = await scan(maker, { kind: 'ship', codes: [packCode(batch, first!)], to: wholesaler.gln });

    const pending = await buildProofBundle(commissioned.eventId);
    expect(pending).toMatchObject({ status: 'pending', eventId: commissioned.eventId, recordedAt: commissioned.recordTime });
    expect((await sealWaiting()).length).toBeGreaterThan(0);

    const key = (await describeLedgerKey()).verifierKey;
    const commissioning = await buildProofBundle(commissioned.eventId, { epc: packCode(batch, second!) });
    if (commissioning.status !== 'sealed') throw new Error('the commissioning event should be sealed');
    expect(commissioning.bundle.epc?.key).toBe(epcKey({ gtin: batch.gtin, serial: second! }));
    expect(commissioning.bundle.event.epcs.count).toBe(3);
    expect(verifyBundle(commissioning.bundle, { trustedVerifierKey: key }).ok).toBe(true);

    const shipping = await buildProofBundle(shipped.events[0]!.eventId, { epc: packCode(batch, first!) });
    expect(shipping.status === 'sealed' && verifyBundle(shipping.bundle, { trustedVerifierKey: key }).ok).toBe(true);

    const audit = await runLedgerAudit({ record: false });
    expect(audit.failures).toEqual([]);
  });
});
