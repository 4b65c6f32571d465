import { anchorHash } from './anchor-hash';
import { bytesEqual, fromHex, toHex, utf8 } from './bytes';
import type { TCheck, TProofBundle } from './bundle-types';
import { fail, pass, plural, runCheck } from './check-result';
import { leafHash } from './hash';
import { verifyInclusion } from './inclusion';
import { canonicalJsonBytes } from './jcs';

/**
 * The checks from the event up to its anchor: the event record's leaf hash,
 * the pack's place in the event, the event's place in the period tree, and
 * the anchor record's hash.
 */

const hashes = (path: string[]): Uint8Array[] => path.map(fromHex);

/** H(0x00 || UTF-8(JCS(event))), or why the record cannot be canonicalised. */
export function eventLeafHash(bundle: TProofBundle): Uint8Array | Error {
  try {
    return leafHash(canonicalJsonBytes(bundle.event));
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

export function checkEventLeaf(bundle: TProofBundle, leaf: Uint8Array | Error): TCheck {
  if (leaf instanceof Error) return fail('event-leaf', 'The event record cannot be read as canonical JSON', leaf.message);
  return pass('event-leaf', `The event record ${bundle.event.eventId} was fingerprinted (SHA-256 of its canonical JSON)`, { computed: toHex(leaf) });
}

export function checkEpcInclusion(bundle: TProofBundle): TCheck {
  const { epc, event } = bundle;
  if (epc === null) return pass('epc-inclusion', 'This proof is about the whole event, not about one pack or case');
  return runCheck('epc-inclusion', `${epc.key} is not shown to be named by this event`, () => {
    verifyInclusion(leafHash(utf8(epc.key)), epc.index, event.epcs.count, hashes(epc.path), fromHex(event.epcs.root));
    return pass('epc-inclusion', `${epc.key} is one of the ${plural(event.epcs.count, 'identifier')} this event names`);
  });
}

export function checkPeriodInclusion(bundle: TProofBundle, leaf: Uint8Array | Error): TCheck {
  const { period, anchor } = bundle;
  const failLabel = `Not shown to be included in period #${anchor.seq}`;
  if (period.treeSize !== anchor.treeSize) {
    return fail('period-inclusion', failLabel, 'the proof is for a tree of another size than the anchor states', {
      expected: String(anchor.treeSize),
      computed: String(period.treeSize),
    });
  }
  if (leaf instanceof Error) return fail('period-inclusion', failLabel, 'the event record has no leaf hash (see the event check)');
  return runCheck('period-inclusion', failLabel, () => {
    verifyInclusion(leaf, period.leafIndex, period.treeSize, hashes(period.path), fromHex(anchor.root));
    return pass('period-inclusion', `Included in period #${anchor.seq} (${plural(period.treeSize, 'event')})`);
  });
}

export function checkAnchorHash(bundle: TProofBundle): TCheck {
  const { anchor } = bundle;
  return runCheck('anchor-hash', `The record of period #${anchor.seq} does not match its anchor hash`, () => {
    const computed = anchorHash(anchor);
    if (!bytesEqual(computed, fromHex(anchor.hash))) {
      return fail('anchor-hash', `The record of period #${anchor.seq} does not match its anchor hash`, 'SHA-256 of the canonical anchor record differs from anchor.hash', {
        expected: anchor.hash,
        computed: toHex(computed),
      });
    }
    return pass('anchor-hash', `The record of period #${anchor.seq} matches its anchor hash`, { computed: anchor.hash });
  });
}
