/**
 * The GS1 Application Identifiers the platform understands (GS1 General
 * Specifications §3, "GS1 Application Identifiers in numerical order"): the
 * ones on medicine packs and their logistic units, the national healthcare
 * reimbursement numbers (710-716), and every GS1 key an EPCIS document can
 * name. An AI outside this table is reported as unknown rather than guessed at.
 *
 * Formats: N = digits, X = GS1 AI encodable character set 82, Y = set 39.
 */

export type TCharset = 'N' | 'X' | 'Y';

/** One component of an AI's value; only the last component may vary in length. */
export type TAiPart = { charset: TCharset; min: number; max: number; checkDigit?: boolean; date?: boolean };

export type TAiDefinition = {
  ai: string;
  title: string;
  parts: TAiPart[];
  min: number;
  max: number;
  /** The name of the key whose check digit the first part carries (for messages). */
  keyName?: string;
};

const N = (length: number, flags: { checkDigit?: boolean; date?: boolean } = {}): TAiPart => ({ charset: 'N', min: length, max: length, ...flags });
const NV = (max: number, min = 1): TAiPart => ({ charset: 'N', min, max });
const X = (max: number, min = 1): TAiPart => ({ charset: 'X', min, max });
const Y = (max: number, min = 1): TAiPart => ({ charset: 'Y', min, max });
const DATE = N(6, { date: true });

type TRow = [ai: string, title: string, parts: TAiPart[], keyName?: string];

const ROWS: TRow[] = [
  ['00', 'SSCC', [N(18, { checkDigit: true })], 'SSCC'],
  ['01', 'GTIN', [N(14, { checkDigit: true })], 'GTIN'],
  ['02', 'CONTENT', [N(14, { checkDigit: true })], 'GTIN'],
  ['10', 'BATCH/LOT', [X(20)]],
  ['11', 'PROD DATE', [DATE]],
  ['12', 'DUE DATE', [DATE]],
  ['13', 'PACK DATE', [DATE]],
  ['15', 'BEST BEFORE', [DATE]],
  ['16', 'SELL BY', [DATE]],
  ['17', 'USE BY OR EXPIRY', [DATE]],
  ['20', 'VARIANT', [N(2)]],
  ['21', 'SERIAL', [X(20)]],
  ['22', 'CPV', [X(20)]],
  ['235', 'TPX', [X(28)]],
  ['240', 'ADDITIONAL ID', [X(30)]],
  ['241', 'CUST. PART No.', [X(30)]],
  ['242', 'MTO VARIANT', [NV(6)]],
  ['243', 'PCN', [X(20)]],
  ['250', 'SECONDARY SERIAL', [X(30)]],
  ['251', 'REF. TO SOURCE', [X(30)]],
  ['253', 'GDTI', [N(13, { checkDigit: true }), X(17, 0)], 'GDTI'],
  ['254', 'GLN EXTENSION COMPONENT', [X(20)]],
  ['255', 'GCN', [N(13, { checkDigit: true }), NV(12, 0)], 'GCN'],
  ['30', 'VAR. COUNT', [NV(8)]],
  ['37', 'COUNT', [NV(8)]],
  ['400', 'ORDER NUMBER', [X(30)]],
  ['401', 'GINC', [X(30)]],
  ['402', 'GSIN', [N(17, { checkDigit: true })], 'GSIN'],
  ['403', 'ROUTE', [X(30)]],
  ['410', 'SHIP TO LOC', [N(13, { checkDigit: true })], 'GLN'],
  ['411', 'BILL TO', [N(13, { checkDigit: true })], 'GLN'],
  ['412', 'PURCHASE FROM', [N(13, { checkDigit: true })], 'GLN'],
  ['413', 'SHIP FOR LOC', [N(13, { checkDigit: true })], 'GLN'],
  ['414', 'LOC No.', [N(13, { checkDigit: true })], 'GLN'],
  ['415', 'PAY TO', [N(13, { checkDigit: true })], 'GLN'],
  ['416', 'PROD/SERV LOC', [N(13, { checkDigit: true })], 'GLN'],
  ['417', 'PARTY', [N(13, { checkDigit: true })], 'GLN'],
  ['420', 'SHIP TO POST', [X(20)]],
  ['421', 'SHIP TO POST', [N(3), X(9)]],
  ['422', 'ORIGIN', [N(3)]],
  ['7003', 'EXPIRY TIME', [N(10)]],
  ['710', 'NHRN PZN', [X(20)]],
  ['711', 'NHRN CIP', [X(20)]],
  ['712', 'NHRN CN', [X(20)]],
  ['713', 'NHRN DRN', [X(20)]],
  ['714', 'NHRN AIM', [X(20)]],
  ['715', 'NHRN NDC', [X(20)]],
  ['716', 'NHRN AIC', [X(20)]],
  ['8003', 'GRAI', [N(14, { checkDigit: true }), X(16, 0)], 'GRAI'],
  ['8004', 'GIAI', [X(30)]],
  ['8006', 'ITIP', [N(14, { checkDigit: true }), N(2), N(2)], 'GTIN'],
  ['8010', 'CPID', [Y(30)]],
  ['8011', 'CPID SERIAL', [NV(12)]],
  ['8017', 'GSRN - PROVIDER', [N(18, { checkDigit: true })], 'GSRN'],
  ['8018', 'GSRN - RECIPIENT', [N(18, { checkDigit: true })], 'GSRN'],
  ['8019', 'SRIN', [NV(10)]],
  ['8020', 'REF No.', [X(25)]],
  ['90', 'INTERNAL', [X(30)]],
  ...['91', '92', '93', '94', '95', '96', '97', '98', '99'].map((ai): TRow => [ai, 'INTERNAL', [X(90)]]),
  ...tradeMeasures(),
];

/** Trade and logistic measures 31nn-36nn: six digits, the last AI digit places the decimal point. */
function tradeMeasures(): TRow[] {
  const bases = ['310', '311', '312', '313', '314', '315', '316'];
  for (let b = 320; b <= 337; b++) bases.push(String(b));
  for (let b = 340; b <= 357; b++) bases.push(String(b));
  for (let b = 360; b <= 369; b++) bases.push(String(b));
  return bases.flatMap((base) => [0, 1, 2, 3, 4, 5].map((d): TRow => [`${base}${d}`, 'MEASURE', [N(6)]]));
}

const TABLE = new Map<string, TAiDefinition>(
  ROWS.map(([ai, title, parts, keyName]) => [
    ai,
    { ai, title, parts, keyName, min: parts.reduce((s, p) => s + p.min, 0), max: parts.reduce((s, p) => s + p.max, 0) },
  ]),
);

/** The definition of `ai`, or undefined when the platform does not know it. */
export function lookupAi(ai: string): TAiDefinition | undefined {
  return TABLE.get(ai);
}

/**
 * How many digits the AI starting with these two digits has (General
 * Specifications §3.2: the first two digits decide the AI's length).
 */
export function aiLengthForPrefix(prefix: string): number {
  const two = Number(prefix.slice(0, 2));
  if (two >= 23 && two <= 25) return 3;
  if (two >= 31 && two <= 36) return 4;
  if (two === 39 || two === 43) return 4;
  if (two >= 40 && two <= 49) return 3;
  if (two === 71) return 3;
  if (two >= 70 && two <= 89) return 4;
  return 2;
}

/**
 * AIs whose length is predefined in the General Specifications (Figure
 * 7.8.5-2): they never need a separator after them. Every other AI, fixed
 * length or not, is followed by FNC1/GS unless it ends the code.
 */
const PREDEFINED = new Set(['00', '01', '02', '03', '04', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20', '31', '32', '33', '34', '35', '36', '41']);

export function hasPredefinedLength(ai: string): boolean {
  return PREDEFINED.has(ai.slice(0, 2));
}

/** True when the AI's value has one fixed length. */
export function isFixedLength(def: TAiDefinition): boolean {
  return def.min === def.max;
}
