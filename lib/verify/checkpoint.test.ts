import { ed25519 } from '@noble/curves/ed25519.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toBase64 } from './base64';
import { concatBytes, toHex, utf8 } from './bytes';
import { formatCheckpointBody, openCheckpoint, parseCheckpointBody } from './checkpoint';
import { formatVerifierKey, noteKeyId } from './note-key';
import { VerificationError } from './verification-error';

// The example of c2sp.org/tlog-checkpoint (its note text).
const C2SP_EXAMPLE = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';

function sign(name: string, seed: Uint8Array, text: string): string {
  const keyId = noteKeyId(name, ed25519.getPublicKey(seed));
  const id = Uint8Array.of(keyId >>> 24, (keyId >>> 16) & 255, (keyId >>> 8) & 255, keyId & 255);
  return `${text}\n— ${name} ${toBase64(concatBytes(id, ed25519.sign(utf8(text), seed)))}\n`;
}

describe('checkpoint body', () => {
  it('reads the C2SP example', () => {
    const checkpoint = parseCheckpointBody(C2SP_EXAMPLE);
    expect(checkpoint.origin).toBe('example.com/behind-the-sofa');
    expect(checkpoint.treeSize).toBe(20852163);
    expect(toHex(checkpoint.rootHash)).toBe('0ac5186a91863e8e1d90c808014aa89bf5da8e3ee1d9f07630f0378f68f1ab62');
    expect(checkpoint.extensions).toEqual([]);
    expect(formatCheckpointBody(checkpoint)).toBe(C2SP_EXAMPLE);
  });

  it('keeps extension lines', () => {
    expect(parseCheckpointBody(`${C2SP_EXAMPLE}ext one\next two\n`).extensions).toEqual(['ext one', 'ext two']);
  });

  it.each([
    ['a size with a leading zero', C2SP_EXAMPLE.replace('\n20852163\n', '\n020852163\n')],
    ['a signed size', C2SP_EXAMPLE.replace('\n20852163\n', '\n+20852163\n')],
    ['a size with a space', C2SP_EXAMPLE.replace('\n20852163\n', '\n20852163 \n')],
    ['a hexadecimal size', C2SP_EXAMPLE.replace('\n20852163\n', '\n0x13e2dc3\n')],
    ['a size beyond 2^53 - 1', C2SP_EXAMPLE.replace('\n20852163\n', '\n9007199254740992\n')],
    ['an empty origin', C2SP_EXAMPLE.replace('example.com/behind-the-sofa', '')],
    ['a missing root line', 'example.com/behind-the-sofa\n20852163\n'],
    ['a root of 31 bytes', C2SP_EXAMPLE.replace('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=', toBase64(new Uint8Array(31)))],
    ['a root in non-canonical base64', C2SP_EXAMPLE.replace('xq2I=', 'xq2J=')],
    ['a root in URL-safe base64', C2SP_EXAMPLE.replace('om/X', 'om_X')],
    ['an empty extension line', `${C2SP_EXAMPLE}\nextension\n`],
    ['no final newline', C2SP_EXAMPLE.slice(0, -1)],
  ])('rejects %s', (_, text) => {
    expect(() => parseCheckpointBody(text)).toThrow(VerificationError);
  });

  it('round-trips any origin, size and root (property)', () => {
    const origin = fc.stringMatching(/^[a-z0-9./-]{1,40}$/);
    fc.assert(
      fc.property(origin, fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.uint8Array({ minLength: 32, maxLength: 32 }), (o, treeSize, rootHash) => {
        const parsed = parseCheckpointBody(formatCheckpointBody({ origin: o, treeSize, rootHash }));
        expect(parsed).toEqual({ origin: o, treeSize, rootHash, extensions: [] });
      }),
    );
  });
});

describe('openCheckpoint', () => {
  const seed = new Uint8Array(32).fill(3);
  const key = formatVerifierKey('example.com/behind-the-sofa', ed25519.getPublicKey(seed));

  it('returns the checkpoint when the log key signed it', () => {
    expect(openCheckpoint(sign('example.com/behind-the-sofa', seed, C2SP_EXAMPLE), key).treeSize).toBe(20852163);
  });

  it('refuses a checkpoint of another origin even when signed by the same key', () => {
    const otherOrigin = C2SP_EXAMPLE.replace('behind-the-sofa', 'under-the-bed');
    expect(() => openCheckpoint(sign('example.com/behind-the-sofa', seed, otherOrigin), key)).toThrow(/origin/);
  });

  it('refuses a checkpoint signed by another key of the same name', () => {
    const note = sign('example.com/behind-the-sofa', new Uint8Array(32).fill(4), C2SP_EXAMPLE);
    expect(() => openCheckpoint(note, key)).toThrow(VerificationError);
  });
});
