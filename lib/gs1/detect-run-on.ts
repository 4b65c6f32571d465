import type { TAiElement } from './types';

/**
 * Reads the elements of input[from, to) without any run-on detection, or
 * undefined when that stretch is not a complete, valid element string.
 */
export type TTryRead = (from: number, to: number) => TAiElement[] | undefined;

export type TRunOn = { position: number; elements: TAiElement[] };

/** AIs whose valid value inside another field is taken as proof of a lost separator (their values validate themselves). */
const TELLTALE_AIS = new Set(['00', '01', '17']);

/**
 * Where a variable-length field swallowed the AIs that followed it because
 * the FNC1/GS after it was lost (a keyboard-wedge scanner that cannot type
 * 0x1D, a hand-typed code). A scanner cannot tell us, so we look at the
 * field's data for a split point k (k >= 1) after which the rest reads as a
 * complete, valid element string.
 *
 * - Field longer than its AI allows: it is broken anyway; any such split
 *   whose first AI the code does not already carry shows the GS went missing.
 * - Field within its length: the data may honestly contain digits that look
 *   like an AI (lot "L21034"), so we report only strong evidence: the rest
 *   carries an expiry (17), GTIN (01) or SSCC (00) that validates (a real
 *   date, a right check digit) and none of its AIs appear elsewhere in the
 *   code. Example: 10ABC17271231 is lot "ABC" + expiry 2027-12-31, not lot
 *   "ABC17271231". These three are the AIs a pack or case code cannot do
 *   without; accepting any dated AI (11, 15, ...) as evidence would refuse
 *   about 1 in 500 long numeric lots of genuine codes without that AI.
 *   A run-on of variable fields only (10ABC21XYZ) is indistinguishable from
 *   lot "ABC21XYZ" and is read that way.
 */
export function findRunOn(
  value: string,
  valueStart: number,
  present: ReadonlySet<string>,
  maxLength: number,
  tryRead: TTryRead,
): TRunOn | undefined {
  const tooLong = value.length > maxLength;
  // The field's own data ends at most maxLength characters in.
  const lastSplit = Math.min(value.length - 2, maxLength);
  for (let k = 1; k <= lastSplit; k++) {
    const elements = tryRead(valueStart + k, valueStart + value.length);
    if (!elements || elements.length === 0) continue;
    if (elements.some((e) => present.has(e.ai))) continue;
    if (tooLong || elements.some((e) => TELLTALE_AIS.has(e.ai))) return { position: valueStart + k, elements };
  }
  return undefined;
}
