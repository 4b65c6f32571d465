import { describe, expect, it } from 'vitest';
import { buildBundleFixture } from '@/lib/ledger/merkle/testing/proof-bundle-fixture';
import type { TProofBundle } from '@/lib/verify';
import { checkStepProof, type TExpectedStep } from './check-step-proof';

/*
 * What the public page proves in the browser for one step, on top of
 * verifyBundle: the bundle is about the pack scanned, about the event
 * shown, and says what the page shows. Mutations of each must fail with
 * that link named.
 */
const { bundle, signer } = buildBundleFixture({ periodSize: 37, leafIndex: 11, anchorCount: 9, anchorSeq: 4, epcCount: 3 });
const KEY = signer.verifierKey;
const expected: TExpectedStep = {
  eventId: bundle.event.eventId,
  namedKey: bundle.epc!.key,
  shown: { bizStep: 'dispensing', disposition: 'dispensed', eventTime: bundle.event.eventTime, eventTimeZoneOffset: '+01:00' },
};

const copy = (): TProofBundle => JSON.parse(JSON.stringify(bundle)) as TProofBundle;

describe('checkStepProof', () => {
  it('ticks a genuine bundle, as JSON text or parsed, and says where it is anchored', () => {
    expect(checkStepProof(JSON.stringify(bundle), expected, KEY).ok).toBe(true);
    const proof = checkStepProof(bundle, expected, KEY);
    expect(proof).toMatchObject({ ok: true, anchorSeq: 4, periodEnd: bundle.anchor.periodEnd, logSize: 9, keyName: 'pharmatrace.example/ledger' });
    if (proof.ok) expect(proof.keyId).toMatch(/^[0-9a-f]{8}$/);
    expect(proof.checks.map((c) => c.id)).toEqual(['format', 'event-leaf', 'epc-inclusion', 'period-inclusion', 'anchor-hash', 'anchor-log-inclusion', 'checkpoint-root', 'checkpoint-signature', 'key-trust', 'names-this-pack', 'same-event', 'shown-as-proven']);
  });

  it('names the broken link when one byte of the period path is flipped', () => {
    const tampered = copy();
    const hash = tampered.period.path[0]!;
    tampered.period.path[0] = (hash[0] === '0' ? '1' : '0') + hash.slice(1);
    const proof = checkStepProof(tampered, expected, KEY);
    expect(proof.ok).toBe(false);
    if (!proof.ok) expect(proof.broken.id).toBe('period-inclusion');
  });

  it('refuses a genuine bundle about another pack, another event, or facts the page shows differently', () => {
    const other = checkStepProof(bundle, { ...expected, namedKey: '01/09506000134352/21/SOMEONEELSE' }, KEY);
    expect(!other.ok && other.broken).toMatchObject({ id: 'names-this-pack', computed: bundle.epc!.key });
    const event = checkStepProof(bundle, { ...expected, eventId: 'ni:///sha-256;' + '0'.repeat(64) + '?ver=CBV2.0' }, KEY);
    expect(!event.ok && event.broken.id).toBe('same-event');
    const shown = checkStepProof(bundle, { ...expected, shown: { ...expected.shown, disposition: 'active' } }, KEY);
    expect(!shown.ok && shown.broken).toMatchObject({ id: 'shown-as-proven', expected: '"dispensed"', computed: '"active"' });
  });

  it('refuses a bundle signed by a key other than the platform key the page fetched', () => {
    const proof = checkStepProof(bundle, expected, 'someone.else/log+01020304+AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=');
    expect(!proof.ok && proof.broken.id).toBe('key-trust');
  });

  it('answers a malformed or truncated bundle with its format failure, without throwing', () => {
    for (const input of [null, 'not json', '{"version":1}', JSON.stringify(bundle).slice(0, 200), { ...copy(), extra: 1 }]) {
      const proof = checkStepProof(input, expected, KEY);
      expect(proof.ok).toBe(false);
      if (!proof.ok) expect(proof.broken.id).toBe('format');
    }
  });
});

describe('what the page shows', () => {
  it('may show less of an object than the record holds, never something else', () => {
    const withActor = copy();
    (withActor.event as Record<string, unknown>).actor = { role: 'manufacturer', country: 'DE', name: 'Nordwind Pharma GmbH', gln: '4098765000017' };
    // The bundle is no longer genuine (its record changed), so only the page-facing check is asserted here.
    const less = checkStepProof(withActor, { ...expected, shown: { actor: { role: 'manufacturer', name: 'Nordwind Pharma GmbH' } } }, KEY);
    expect(less.checks.find((c) => c.id === 'shown-as-proven')?.ok).toBe(true);
    const other = checkStepProof(withActor, { ...expected, shown: { actor: { role: 'manufacturer', name: 'Someone Else' } } }, KEY);
    expect(other.checks.find((c) => c.id === 'shown-as-proven')).toMatchObject({ ok: false, label: 'The page shows a "actor.name" the proven record does not have' });
  });
});
