import { describe, expect, it } from 'vitest';
import { CSET_82 } from './charset';
import { generateSerials, prefixesDistinct, SERIAL_ALPHABET } from './generate-serials';
import { validateAiValue } from './validate-ai-value';

describe('generateSerials', () => {
  it('uses 32 unambiguous characters, all valid in AI (21) and unreserved in URIs', () => {
    expect(SERIAL_ALPHABET).toHaveLength(32);
    expect(new Set(SERIAL_ALPHABET).size).toBe(32);
    for (const confusable of '0O1I') expect(SERIAL_ALPHABET).not.toContain(confusable);
    for (const c of SERIAL_ALPHABET) {
      expect(CSET_82).toContain(c);
      expect(encodeURIComponent(c)).toBe(c);
    }
  });

  it('makes guessing a valid serial far below 1 in 10,000 for 100,000 packs', () => {
    // 32^12 = 2^60 serials per GTIN; 100,000 of them issued.
    const space = SERIAL_ALPHABET.length ** 12;
    expect(space).toBe(2 ** 60);
    const chance = 100_000 / space;
    expect(chance).toBeLessThan(1e-13);
    expect(chance).toBeLessThan(1 / 10_000 / 1e9);
  });

  it('returns the requested number of distinct, valid serials of the requested length', () => {
    const serials = generateSerials(1000);
    expect(serials).toHaveLength(1000);
    expect(new Set(serials).size).toBe(1000);
    for (const s of serials) {
      expect(s).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{12}$/);
      validateAiValue('21', s);
    }
    expect(generateSerials(5, { length: 20 }).every((s) => s.length === 20)).toBe(true);
    expect(generateSerials(0)).toEqual([]);
  });

  it('draws every character about equally often (no modulo bias)', () => {
    const counts = new Map<string, number>();
    for (const s of generateSerials(20_000)) for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
    const expected = (20_000 * 12) / 32; // 7500 per character
    // Chi-square with 31 degrees of freedom; 70 is far beyond p = 0.0001 (about 61).
    let chi = 0;
    for (const c of SERIAL_ALPHABET) chi += ((counts.get(c) ?? 0) - expected) ** 2 / expected;
    expect(counts.size).toBe(32);
    expect(chi).toBeLessThan(70);
  });

  it('makes 100,000 distinct serials in one call', () => {
    const serials = generateSerials(100_000);
    expect(new Set(serials).size).toBe(100_000);
  });

  it('notices serials that share a prefix, so repeats cannot slip through', () => {
    const serial = (chars: number[]) => Uint8Array.from(chars);
    const a = [...Array(12).keys()];
    const b = [...a.slice(0, 10), 30, 31]; // same first 10 characters as a
    const c = [31, ...a.slice(1)];
    expect(prefixesDistinct(serial([...a, ...c]), 2, 12)).toBe(true);
    expect(prefixesDistinct(serial([...a, ...c, ...b]), 3, 12)).toBe(false);
    expect(prefixesDistinct(serial([...a, ...a]), 2, 12)).toBe(false);
  });

  it('refuses impossible requests', () => {
    expect(() => generateSerials(-1)).toThrow(RangeError);
    expect(() => generateSerials(1.5)).toThrow(RangeError);
    expect(() => generateSerials(2_000_000)).toThrow(RangeError);
    expect(() => generateSerials(1, { length: 11 })).toThrow(RangeError);
    expect(() => generateSerials(1, { length: 21 })).toThrow(RangeError);
  });
});
