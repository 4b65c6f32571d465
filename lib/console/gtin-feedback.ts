import { gs1CheckDigit } from '@/lib/gs1/check-digit';

export type TGtinFeedback =
  | { state: 'empty' }
  /** Digits so far, fewer than a GTIN has: nothing to complain about yet. */
  | { state: 'typing'; message: string }
  | { state: 'invalid'; message: string }
  | { state: 'valid'; gtin14: string; prefix: string | null; message: string };

/**
 * What the product form says about the GTIN while it is typed (in the
 * browser, with lib/gs1's pure check digit): which check digit a complete
 * number needs, and whether the GTIN lies under one of the organisation's
 * GS1 company prefixes, which registration requires (docs/decisions/050).
 * The server checks all of it again.
 */
export function gtinFeedback(raw: string, prefixes: readonly string[]): TGtinFeedback {
  const digits = raw.replace(/[\s-]/g, '');
  if (digits === '') return { state: 'empty' };
  if (!/^\d+$/.test(digits)) return { state: 'invalid', message: 'A GTIN has digits only.' };
  if (digits.length > 14) return { state: 'invalid', message: `A GTIN has at most 14 digits; this has ${digits.length}.` };
  if (![8, 12, 13, 14].includes(digits.length)) {
    return digits.length < 14 ? { state: 'typing', message: `${digits.length} digits so far; a GTIN has 8, 12, 13 or 14.` } : { state: 'invalid', message: 'A GTIN has 8, 12, 13 or 14 digits.' };
  }
  const expected = gs1CheckDigit(digits.slice(0, -1));
  if (expected !== Number(digits.at(-1))) {
    return { state: 'invalid', message: `The check digit is wrong: for ${digits.slice(0, -1)} it must be ${expected}, not ${digits.at(-1)}. Check the number for a typing error.` };
  }
  const gtin14 = digits.padStart(14, '0');
  const prefix = prefixes.find((p) => gtin14.startsWith(p, 1)) ?? null;
  if (prefix === null) {
    const yours = prefixes.length > 0 ? `your company prefix${prefixes.length > 1 ? 'es' : ''} ${prefixes.join(', ')}` : 'a GS1 company prefix of your organisation (it has none)';
    return { state: 'invalid', message: `Valid GTIN ${gtin14}, but not under ${yours}. You can register only your own products.` };
  }
  return { state: 'valid', gtin14, prefix, message: `Valid GTIN ${gtin14}, under your company prefix ${prefix}.` };
}
