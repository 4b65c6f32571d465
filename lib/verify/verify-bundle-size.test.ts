import { describe, expect, it } from 'vitest';
import { buildBundleFixture } from '@/lib/ledger/merkle/testing/proof-bundle-fixture';
import { verifyBundle } from './verify-bundle';

/**
 * The budget for the public page: a bundle for an event in a period
 * of 1,000,000 events is under 4 KB (its verification time is measured by
 * `npm run bench`, not asserted here). Checked on a genuine bundle: a dispensing event naming one pack, in period
 * #54,321 of an anchor log of 100,000 sealed periods (17 levels). Each
 * doubling of the anchor log adds one 64-digit hash (67 bytes of JSON), so
 * the bundle stays under 4 KB up to 2^19 (524,288) sealed periods.
 */
describe('proof bundle for an event in a 1,000,000-event period', () => {
  const { bundle, signer } = buildBundleFixture({ periodSize: 1_000_000, leafIndex: 777_777, anchorCount: 100_000, anchorSeq: 54_321, epcCount: 1 });
  const text = JSON.stringify(bundle);
  const options = { trustedVerifierKey: signer.verifierKey };

  it('is under 4 KB as JSON', () => {
    const bytes = new TextEncoder().encode(text).length;
    console.info(`proof bundle: ${bytes} bytes (period path ${bundle.period.path.length}, anchor-log path ${bundle.anchorLog.path.length})`);
    expect(bytes).toBeLessThan(4096);
  });

  it('verifies from its JSON text', () => {
    expect(verifyBundle(text, options).ok).toBe(true);
  });
});
