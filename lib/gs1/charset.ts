import type { TCharset } from './ai-table';

/**
 * GS1 AI encodable character set 82 (General Specifications Figure 7.11-1):
 * the only characters allowed in alphanumeric AIs such as lot (10) and
 * serial (21). No space, no '#', no lower ASCII controls, nothing beyond ASCII.
 */
export const CSET_82 = `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`;

/** GS1 AI encodable character set 39 (Figure 7.11-2), used by CPID (8010). */
export const CSET_39 = '#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const SETS: Record<TCharset, Set<string>> = {
  N: new Set('0123456789'),
  X: new Set(CSET_82),
  Y: new Set(CSET_39),
};

/** Index of the first character of `value` outside `charset`, or -1 when all are allowed. */
export function firstInvalidChar(value: string, charset: TCharset): number {
  const allowed = SETS[charset];
  for (let i = 0; i < value.length; i++) {
    if (!allowed.has(value[i] as string)) return i;
  }
  return -1;
}

/** True when `c` (one character) can occur in the data of some AI (set 82 or set 39). */
export function isGs1DataChar(c: string): boolean {
  return SETS.X.has(c) || SETS.Y.has(c);
}

export function describeCharset(charset: TCharset): string {
  if (charset === 'N') return 'digits only';
  if (charset === 'Y') return 'digits, capital letters and # - / (GS1 character set 39)';
  return 'letters, digits and ! " % & \' ( ) * + , - . / : ; < = > ? _ (GS1 character set 82)';
}
