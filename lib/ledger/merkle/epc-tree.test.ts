import { describe, expect, it } from 'vitest';
import { fromHex, leafHash, toHex, utf8, verifyInclusion } from '@/lib/verify';
import { buildEpcTree, epcInclusion } from './epc-tree';
import { referenceRoot } from './testing/reference-tree';

const KEYS = ['01/09506000134352/21/B2', '00/106141412345678908', '01/09506000134352/21/A1', '01/09506000134352/21/Ä9', '01/09506000134352/21/A1'];

describe('buildEpcTree', () => {
  it('sorts the distinct keys by UTF-16 code units and roots them as RFC 6962 leaves', () => {
    const tree = buildEpcTree(KEYS);
    expect(tree.keys).toEqual(['00/106141412345678908', '01/09506000134352/21/A1', '01/09506000134352/21/B2', '01/09506000134352/21/Ä9']);
    expect(tree.summary.count).toBe(4);
    expect(tree.summary.root).toBe(toHex(referenceRoot(tree.keys.map((k) => leafHash(utf8(k))))));
  });

  it('does not depend on the order the keys come in', () => {
    expect(buildEpcTree([...KEYS].reverse()).summary).toEqual(buildEpcTree(KEYS).summary);
  });

  it('proves that a named key is in the event, and gives null for a key it does not name', () => {
    const tree = buildEpcTree(KEYS);
    for (const key of tree.keys) {
      const epc = epcInclusion(tree, key)!;
      expect(() => verifyInclusion(leafHash(utf8(key)), epc.index, tree.summary.count, epc.path.map(fromHex), fromHex(tree.summary.root))).not.toThrow();
    }
    expect(epcInclusion(tree, '01/09506000134352/21/Z')).toBeNull();
  });

  it('has the empty root for no keys and refuses empty keys', () => {
    expect(buildEpcTree([]).summary).toEqual({ count: 0, root: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' });
    expect(() => buildEpcTree([''])).toThrow(RangeError);
  });
});
