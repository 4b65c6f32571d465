import { toBracketed, toDigitalLink, toElementString, yymmddFromIso } from '@/lib/gs1';
import { barcodeSvg } from './barcode-svg';

export type TLabelBatch = { gtin: string; lot: string; /** YYYY-MM-DD */ expiry: string; productName: string; strength: string };

/** What to print on a pack label: the 2D codes and the human-readable lines EU FMD asks for beside them. */
export type TPackLabel = {
  serial: string;
  /** Element string (AIs 01, 17, 10, 21; GS between fields): what the DataMatrix carries. */
  elementString: string;
  /** The same, bracketed, as printed under the code. */
  bracketed: string;
  /** GS1 Digital Link URI on this deployment: the QR Code's content, opened by a phone to verify the pack. */
  digitalLink: string;
  dataMatrixSvg: string | null;
  qrSvg: string | null;
  /** Human-readable interpretation: PC (GTIN), SN, Lot, Exp (YYMMDD as on packs), in that order. */
  lines: { label: 'PC' | 'SN' | 'Lot' | 'Exp'; value: string }[];
};

export type TLabelFormat = 'both' | 'datamatrix' | 'qr';
export const LABEL_FORMATS: readonly TLabelFormat[] = ['both', 'datamatrix', 'qr'];

/**
 * The label of one pack. Every code is written by lib/gs1 (which validates
 * what it writes), so a label can only carry what a scanner will read back
 * into the same pack; bwip-js then draws it.
 *
 * requires: `batch` and `serial` come from the catalogue (valid GTIN, lot
 * and serial of GS1 character set 82); `baseUrl` is an http(s) origin.
 */
export function packLabel(batch: TLabelBatch, serial: string, baseUrl: string, format: TLabelFormat): TPackLabel {
  const fields = { gtin: batch.gtin, expiry: batch.expiry, lot: batch.lot, serial };
  const elementString = toElementString(fields);
  const digitalLink = toDigitalLink(fields, baseUrl);
  return {
    serial,
    elementString,
    bracketed: toBracketed(fields),
    digitalLink,
    dataMatrixSvg: format === 'qr' ? null : barcodeSvg('gs1-datamatrix', elementString),
    qrSvg: format === 'datamatrix' ? null : barcodeSvg('qr', digitalLink),
    lines: [
      { label: 'PC', value: batch.gtin },
      { label: 'SN', value: serial },
      { label: 'Lot', value: batch.lot },
      { label: 'Exp', value: yymmddFromIso(batch.expiry) },
    ],
  };
}
