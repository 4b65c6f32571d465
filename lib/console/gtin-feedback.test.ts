import { describe, expect, it } from 'vitest';
import { withCheckDigit } from '@/lib/gs1';
import { gtinFeedback } from './gtin-feedback';

const PREFIXES = ['4098765'];

describe('GTIN feedback while typing', () => {
  it('waits while the number is incomplete, and names the right check digit when it is wrong', () => {
    expect(gtinFeedback('', PREFIXES)).toEqual({ state: 'empty' });
    expect(gtinFeedback('40987', PREFIXES)).toMatchObject({ state: 'typing' });
    const good = withCheckDigit('409876500011');
    const wrong = `${good.slice(0, -1)}${(Number(good.at(-1)) + 1) % 10}`;
    expect(gtinFeedback(wrong, PREFIXES)).toEqual({ state: 'invalid', message: expect.stringContaining(`it must be ${good.at(-1)}`) });
  });

  it('accepts GTIN-13 and GTIN-14 with spaces, and says which company prefix it is under', () => {
    const gtin13 = withCheckDigit('409876500011');
    expect(gtinFeedback(`${gtin13.slice(0, 4)} ${gtin13.slice(4)}`, PREFIXES)).toEqual({ state: 'valid', gtin14: `0${gtin13}`, prefix: '4098765', message: expect.any(String) });
    expect(gtinFeedback(`0${gtin13}`, PREFIXES)).toMatchObject({ state: 'valid', gtin14: `0${gtin13}` });
  });

  it("refuses another company's GTIN and non-digits", () => {
    expect(gtinFeedback(withCheckDigit('560987600010'), PREFIXES)).toMatchObject({ state: 'invalid', message: expect.stringContaining('not under your company prefix 4098765') });
    expect(gtinFeedback('40987A', PREFIXES)).toMatchObject({ state: 'invalid' });
    expect(gtinFeedback('123456789012345', PREFIXES)).toMatchObject({ state: 'invalid' });
  });
});
