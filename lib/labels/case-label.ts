import { assertSscc, toBracketed, toDigitalLink, toElementString } from '@/lib/gs1';
import { barcodeSvg } from './barcode-svg';

/** A logistic label of a case or pallet: the SSCC as GS1-128 (what warehouse scanners expect) and as GS1 DataMatrix. */
export type TCaseLabel = {
  sscc: string;
  /** "00340987650000000011": encoded in both symbols. */
  elementString: string;
  /** "(00)340987650000000011", printed under the GS1-128. */
  bracketed: string;
  digitalLink: string;
  gs1128Svg: string;
  dataMatrixSvg: string;
};

/** requires: nothing; an SSCC with a bad check digit throws gs1_check_digit (422). */
export function caseLabel(sscc: string, baseUrl: string): TCaseLabel {
  assertSscc(sscc);
  const elementString = toElementString({ sscc });
  return {
    sscc,
    elementString,
    bracketed: toBracketed({ sscc }),
    digitalLink: toDigitalLink({ sscc }, baseUrl),
    gs1128Svg: barcodeSvg('gs1-128', elementString),
    dataMatrixSvg: barcodeSvg('gs1-datamatrix', elementString),
  };
}
