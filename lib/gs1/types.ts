/**
 * The data a GS1 code carries, whatever form it arrived in (DataMatrix element
 * string, bracketed text, Digital Link, EPC URN).
 */
export type TGs1Fields = {
  /** AI (01), always 14 digits with a valid check digit. */
  gtin?: string;
  /** AI (10), 1-20 characters of GS1 CSET 82. */
  lot?: string;
  /** AI (21), 1-20 characters of GS1 CSET 82. */
  serial?: string;
  /** AI (17) as a calendar date YYYY-MM-DD; day "00" resolved to the last day of the month. */
  expiry?: string;
  /** AI (17) exactly as encoded (YYMMDD, day may be 00). Wins over `expiry` when encoding. */
  expiryRaw?: string;
  /** AI (00), 18 digits with a valid check digit. */
  sscc?: string;
  /** AI (414), 13 digits with a valid check digit. */
  gln?: string;
  /** AI (254), 1-20 characters of GS1 CSET 82. */
  glnExtension?: string;
  /** AI (11) as YYYY-MM-DD, or YYYY-MM when the code gives day "00" (day unknown). */
  productionDate?: string;
  /**
   * Every other AI the code carries, by AI (e.g. { '710': '...' } for a
   * national healthcare reimbursement number, { '8004': '...' } for a GIAI).
   * Values are validated against the AI's format.
   */
  attributes?: Record<string, string>;
};

/** The forms in which a code can reach the platform. */
export type TCodeForm = 'element-string' | 'bracketed' | 'digital-link' | 'epc-urn' | 'gtin';

/**
 * What a canonical identifier names. The first five are the ones the platform
 * tracks (packs, batches, products, cases, locations); the rest are the other
 * GS1 keys of the EPC Tag Data Standard, accepted so that any EPCIS document
 * can be stored.
 */
export type TEpcKind =
  | 'sgtin'
  | 'sscc'
  | 'sgln'
  | 'lgtin'
  | 'gtin-class'
  | 'pgln'
  | 'grai'
  | 'giai'
  | 'gsrn'
  | 'gsrnp'
  | 'gdti'
  | 'sgcn'
  | 'cpi'
  | 'ginc'
  | 'gsin'
  | 'itip'
  | 'upui';

/** One Application Identifier and its value, as read from a code. */
export type TAiElement = { ai: string; value: string };

/** Options of every parser that reads dates. */
export type TDateOptions = {
  /** "Today" for the GS1 century rule (§7.12); defaults to the current date. */
  today?: Date;
};
