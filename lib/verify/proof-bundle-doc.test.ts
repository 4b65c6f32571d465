import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBundleFixture } from '@/lib/ledger/merkle/testing/proof-bundle-fixture';
import { anchorHashInput } from './anchor-hash';
import { fromHex, toHex, utf8 } from './bytes';
import { parseCheckpointBody } from './checkpoint';
import { leafHash, nodeHash } from './hash';
import { canonicalJson } from './jcs';
import { keyIdHex, parseVerifierKey } from './note-key';
import { parseSignedNote } from './signed-note';
import { verifyBundle } from './verify-bundle';

/**
 * Generates the worked example of docs/ledger/proof-bundle.md (a genuine,
 * deterministic bundle and every intermediate value a verifier computes)
 * and fails when the document differs, so the document cannot drift from
 * the code. To refresh it after a deliberate format change:
 *   UPDATE_PROOF_BUNDLE_EXAMPLE=1 npx vitest run --project unit lib/verify/proof-bundle-doc.test.ts
 */
const DOC = path.join(process.cwd(), 'docs/ledger/proof-bundle.md');
const BEGIN = '<!-- BEGIN GENERATED EXAMPLE (lib/verify/proof-bundle-doc.test.ts) -->';
const END = '<!-- END GENERATED EXAMPLE -->';

const { bundle, signer } = buildBundleFixture({ periodSize: 5, leafIndex: 3, anchorCount: 3, anchorSeq: 1, epcCount: 3 });

/** RFC 9162 §2.1.3.2, step by step, for the document. */
function traceInclusion(leaf: Uint8Array, index: number, size: number, pathHex: string[]): string[] {
  const lines: string[] = [];
  let [fn, sn, r] = [index, size - 1, leaf];
  for (const [i, p] of pathHex.entries()) {
    const right = fn % 2 === 1 || fn === sn;
    r = right ? nodeHash(fromHex(p), r) : nodeHash(r, fromHex(p));
    lines.push(`  step ${i + 1}: fn=${fn} sn=${sn} -> r = SHA-256(01 || ${right ? `path[${i}] || r` : `r || path[${i}]`}) = ${toHex(r)}`);
    if (right) while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn / 2, Math.floor(sn / 2)];
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  lines.push(`  end: sn=${sn} (must be 0), r = ${toHex(r)}`);
  return lines;
}

function example(): string {
  const eventJcs = canonicalJson(bundle.event);
  const eventLeaf = leafHash(utf8(eventJcs));
  const epcLeaf = leafHash(utf8(bundle.epc!.key));
  const anchorLeaf = leafHash(fromHex(bundle.anchor.hash));
  const note = parseSignedNote(bundle.checkpoint);
  const checkpoint = parseCheckpointBody(note.text);
  const key = parseVerifierKey(bundle.logKey.verifierKey);
  const values = [
    `event JCS (UTF-8, ${utf8(eventJcs).length} bytes):`,
    `  ${eventJcs}`,
    `event leaf hash = SHA-256(00 || event JCS) = ${toHex(eventLeaf)}`,
    '',
    `epc leaf hash = SHA-256(00 || UTF-8("${bundle.epc!.key}")) = ${toHex(epcLeaf)}`,
    `epc inclusion (index ${bundle.epc!.index}, tree size event.epcs.count = ${bundle.event.epcs.count}):`,
    ...traceInclusion(epcLeaf, bundle.epc!.index, bundle.event.epcs.count, bundle.epc!.path),
    `  equals event.epcs.root = ${bundle.event.epcs.root}`,
    '',
    `period inclusion (leafIndex ${bundle.period.leafIndex}, treeSize ${bundle.period.treeSize}):`,
    ...traceInclusion(eventLeaf, bundle.period.leafIndex, bundle.period.treeSize, bundle.period.path),
    `  equals anchor.root = ${bundle.anchor.root}`,
    '',
    'anchor JCS (the anchor without "hash"):',
    `  ${new TextDecoder().decode(anchorHashInput(bundle.anchor))}`,
    `anchor hash = SHA-256(anchor JCS) = ${bundle.anchor.hash}`,
    '',
    `anchor-log leaf hash = SHA-256(00 || the 32 bytes of anchor.hash) = ${toHex(anchorLeaf)}`,
    `anchor-log inclusion (index ${bundle.anchorLog.index}, treeSize ${bundle.anchorLog.treeSize}):`,
    ...traceInclusion(anchorLeaf, bundle.anchorLog.index, bundle.anchorLog.treeSize, bundle.anchorLog.path),
    `  equals the checkpoint root = base64 ${Buffer.from(checkpoint.rootHash).toString('base64')} = ${toHex(checkpoint.rootHash)}`,
    '',
    `checkpoint: origin "${checkpoint.origin}", tree size ${checkpoint.treeSize}`,
    `signed text (UTF-8, ${utf8(note.text).length} bytes, hex): ${toHex(utf8(note.text))}`,
    `signature line: key name "${note.signatures[0]!.name}", key ID ${keyIdHex(note.signatures[0]!.keyId)}, Ed25519 signature ${toHex(note.signatures[0]!.signature)}`,
    `key ID = first 4 bytes of SHA-256(UTF-8(name) || 0a || 01 || public key) = ${keyIdHex(key.keyId)}`,
  ];
  return [
    BEGIN,
    '',
    `Trusted verifier key: \`${signer.verifierKey}\``,
    '',
    '```json',
    JSON.stringify(bundle, null, 2),
    '```',
    '',
    'What a verifier computes from it:',
    '',
    '```text',
    ...values,
    '```',
    '',
    END,
  ].join('\n');
}

describe('docs/ledger/proof-bundle.md', () => {
  it('its worked example verifies', () => {
    const result = verifyBundle(bundle, { trustedVerifierKey: signer.verifierKey });
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('holds exactly the generated worked example', () => {
    const doc = readFileSync(DOC, 'utf8');
    const [start, end] = [doc.indexOf(BEGIN), doc.indexOf(END)];
    expect(start, 'the generated example markers are missing').toBeGreaterThanOrEqual(0);
    const current = doc.slice(start, end + END.length);
    if (process.env.UPDATE_PROOF_BUNDLE_EXAMPLE === '1') writeFileSync(DOC, doc.replace(current, example()));
    else expect(current).toBe(example());
  });
});
