import { gs1CheckDigit, hasValidCheckDigit } from './check-digit';
import { gs1Error, quote, visibleChar } from './gs1-error';

type TKeyRule = { name: string; lengths: number[]; ai: string };

const GTIN: TKeyRule = { name: 'GTIN', lengths: [8, 12, 13, 14], ai: '01' };
const GLN: TKeyRule = { name: 'GLN', lengths: [13], ai: '414' };
const SSCC: TKeyRule = { name: 'SSCC', lengths: [18], ai: '00' };

/**
 * Checks a GS1 key (digits, length, mod-10 check digit) and throws the
 * precise gs1_* error. `what` names it in the message ("the product's GTIN").
 */
function assertKey(input: string, rule: TKeyRule, what: string): string {
  const value = input.trim();
  const bad = value.search(/\D/);
  if (bad >= 0) {
    const char = String.fromCodePoint(value.codePointAt(bad) as number);
    throw gs1Error('gs1_invalid_character', `${capital(what)} ${quote(value)} contains ${quote(visibleChar(char))}; a ${rule.name} has digits only.`, {
      ai: rule.ai,
      position: bad,
      character: char,
    });
  }
  if (!rule.lengths.includes(value.length)) {
    const allowed = rule.lengths.join(', ').replace(/, (\d+)$/, ' or $1');
    const code = value.length < (rule.lengths[0] as number) ? 'gs1_field_too_short' : value.length > (rule.lengths.at(-1) as number) ? 'gs1_field_too_long' : 'gs1_invalid_length';
    throw gs1Error(code, `${capital(what)} ${quote(value)} has ${value.length} digits; a ${rule.name} has ${allowed}.`, { ai: rule.ai, length: value.length });
  }
  if (!hasValidCheckDigit(value)) {
    const expected = String(gs1CheckDigit(value.slice(0, -1)));
    throw gs1Error(
      'gs1_check_digit',
      `${capital(what)} ${value} has check digit ${value.at(-1)}; the right check digit is ${expected}. It is mistyped or not genuine.`,
      { ai: rule.ai, identifier: rule.name, expected, found: value.at(-1) },
    );
  }
  return value;
}

/** A GTIN-8, -12, -13 or -14 as the 14-digit GTIN stored everywhere (left-padded with zeros). */
export function assertGtin(gtin: string, what = 'the GTIN'): string {
  return assertKey(gtin, GTIN, what).padStart(14, '0');
}

/** The same as assertGtin: 8, 12, 13 or 14 digits in, 14 out, or a precise error. */
export function normaliseGtin(gtin: string): string {
  return assertGtin(gtin);
}

export function assertGln(gln: string, what = 'the GLN'): string {
  return assertKey(gln, GLN, what);
}

export function assertSscc(sscc: string, what = 'the SSCC'): string {
  return assertKey(sscc, SSCC, what);
}

export function isValidGtin(gtin: string): boolean {
  return /^(\d{8}|\d{12,14})$/.test(gtin) && hasValidCheckDigit(gtin);
}

export function isValidGln(gln: string): boolean {
  return /^\d{13}$/.test(gln) && hasValidCheckDigit(gln);
}

export function isValidSscc(sscc: string): boolean {
  return /^\d{18}$/.test(sscc) && hasValidCheckDigit(sscc);
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
