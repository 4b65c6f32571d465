import { bytesEqual, fromHex, toHex } from './bytes';
import type { TCheck, TProofBundle } from './bundle-types';
import { fail, pass, plural, runCheck } from './check-result';
import { parseUnverifiedCheckpoint, type TCheckpoint } from './checkpoint';
import { leafHash } from './hash';
import { verifyInclusion } from './inclusion';
import { parseVerifierKey, sameVerifierKey, type TNoteVerifierKey } from './note-key';
import { verifySignedNote } from './signed-note';

/**
 * The checks from the anchor up to the signed checkpoint and the key that
 * signed it. The checkpoint body is read before its signature is checked so
 * that each link reports on its own; the verdict still needs every check.
 */

export function readCheckpoint(bundle: TProofBundle): TCheckpoint | Error {
  try {
    return parseUnverifiedCheckpoint(bundle.checkpoint);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

export function checkAnchorLogInclusion(bundle: TProofBundle, checkpoint: TCheckpoint | Error): TCheck {
  const { anchor, anchorLog } = bundle;
  const failLabel = `Period #${anchor.seq} is not shown to be in the anchor log`;
  if (anchorLog.index !== anchor.seq) {
    return fail('anchor-log-inclusion', failLabel, 'the anchor log position must equal the anchor sequence number', {
      expected: String(anchor.seq),
      computed: String(anchorLog.index),
    });
  }
  if (checkpoint instanceof Error) return fail('anchor-log-inclusion', failLabel, `no root to check against: ${checkpoint.message}`);
  return runCheck('anchor-log-inclusion', failLabel, () => {
    verifyInclusion(leafHash(fromHex(anchor.hash)), anchorLog.index, anchorLog.treeSize, anchorLog.path.map(fromHex), checkpoint.rootHash);
    return pass('anchor-log-inclusion', `Period #${anchor.seq} is entry ${anchor.seq} of the anchor log (${plural(anchorLog.treeSize, 'sealed period')})`);
  });
}

export function checkCheckpointRoot(bundle: TProofBundle, checkpoint: TCheckpoint | Error): TCheck {
  const failLabel = 'The checkpoint does not describe this anchor log';
  if (checkpoint instanceof Error) return fail('checkpoint-root', 'The checkpoint cannot be read', checkpoint.message);
  if (checkpoint.origin !== bundle.logKey.name) {
    return fail('checkpoint-root', failLabel, 'the checkpoint comes from another log', { expected: bundle.logKey.name, computed: checkpoint.origin });
  }
  if (checkpoint.treeSize !== bundle.anchorLog.treeSize) {
    return fail('checkpoint-root', failLabel, 'the checkpoint is for another size of the anchor log', {
      expected: String(checkpoint.treeSize),
      computed: String(bundle.anchorLog.treeSize),
    });
  }
  const label = `The checkpoint states the anchor log of ${plural(checkpoint.treeSize, 'sealed period')}`;
  return pass('checkpoint-root', label, { computed: toHex(checkpoint.rootHash) });
}

/** The log key, after checking that its three spellings in the bundle agree. */
function bundleKey(bundle: TProofBundle): TNoteVerifierKey {
  const key = parseVerifierKey(bundle.logKey.verifierKey);
  if (key.name !== bundle.logKey.name) throw new Error('logKey.name differs from the name in logKey.verifierKey');
  if (!bytesEqual(key.publicKey, fromHex(bundle.logKey.publicKey))) throw new Error('logKey.publicKey differs from the key in logKey.verifierKey');
  return key;
}

export function checkCheckpointSignature(bundle: TProofBundle): TCheck {
  return runCheck('checkpoint-signature', 'The checkpoint signature does not verify', () => {
    const key = bundleKey(bundle);
    verifySignedNote(bundle.checkpoint, key);
    return pass('checkpoint-signature', `The checkpoint is signed by the log key ${key.name}`);
  });
}

export function checkKeyTrust(bundle: TProofBundle, trustedVerifierKey: string | undefined): TCheck {
  if (trustedVerifierKey === undefined) {
    return fail('key-trust', 'The log key was not compared with a trusted key', 'no trusted verifier key was given: anyone can sign a proof with a key of their own');
  }
  return runCheck('key-trust', 'The log key is not the one this verifier trusts', () => {
    const trusted = parseVerifierKey(trustedVerifierKey);
    if (!sameVerifierKey(trusted, bundleKey(bundle))) {
      return fail('key-trust', 'The log key is not the one this verifier trusts', 'the bundle names another log key', {
        expected: trustedVerifierKey,
        computed: bundle.logKey.verifierKey,
      });
    }
    return pass('key-trust', `The log key is the one this verifier trusts (${trusted.name})`);
  });
}
