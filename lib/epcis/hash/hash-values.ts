import { expandCompactIri, type TPrefixes } from '../context/prefixes';
import { readDateTime } from '../time/date-time';
import { vocabularyValueUri } from '../vocabulary/normalise-vocabulary';
import type { TVocabularyKind } from '../vocabulary/vocabularies';
import { canonicalDigitalLink } from './canonical-digital-link';

/*
 * How each kind of value is written into the CBV 2.0 pre-hash string
 * (CBV 2.0 §8.9.2 rules 5-9, 14-18). An absent value yields undefined and
 * its field is left out (rule 4).
 */

/** The legacy CBV URN kinds and the GS1 Web URI term each maps to (rule 14). */
const CBV_URN_TERMS: Readonly<Record<string, string>> = { bizstep: 'BizStep', disp: 'Disp', btt: 'BTT', sdt: 'SDT', er: 'ER' };

/** A literal string: trimmed (rule 5), legacy CBV URNs as Web URIs (14), GS1 identifiers as canonical Digital Links (17, 18). */
export function hashText(value: unknown): string | undefined {
  if (typeof value !== 'string') return scalarText(value);
  const text = value.trim();
  if (text === '') return undefined;
  const urn = /^urn:epcglobal:cbv:([a-z]+):(.+)$/.exec(text);
  const term = urn ? CBV_URN_TERMS[urn[1] as string] : undefined;
  if (term !== undefined) return `https://ref.gs1.org/cbv/${term}-${(urn as RegExpExecArray)[2]}`;
  return canonicalDigitalLink(text) ?? text;
}

/** An IRI-valued field (identifiers, locations, URIs): as hashText, after expanding a compact IRI (rule 15). */
export function hashIri(value: unknown, prefixes: TPrefixes): string | undefined {
  if (typeof value !== 'string') return scalarText(value);
  const text = value.trim();
  return hashText(expandCompactIri(text, prefixes) ?? text);
}

/** A vocabulary value: standard words and spellings as their GS1 Web URI (rules 14-16); other values as hashIri. */
export function hashVocabulary(kind: TVocabularyKind, value: unknown, prefixes: TPrefixes): string | undefined {
  if (typeof value !== 'string') return scalarText(value);
  const text = value.trim();
  const uri = vocabularyValueUri(kind, text);
  return uri !== text ? uri : hashIri(text, prefixes);
}

/** A timestamp: UTC, milliseconds, 'Z' (rules 8, 9); an unreadable one as text. */
export function hashTime(value: unknown): string | undefined {
  if (typeof value !== 'string') return scalarText(value);
  const time = readDateTime(value.trim());
  return time.ok ? time.utc : hashText(value);
}

/** A number or boolean as text: numbers without trailing zeros or exponent (rules 6, 7). */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return plainDecimal(value);
  if (typeof value === 'boolean') return String(value);
  return typeof value === 'string' ? hashText(value) : undefined;
}

/** 1 -> "1", 0.3434 -> "0.3434", 1e21 -> "1000000000000000000000", 1e-7 -> "0.0000001", -0 -> "0". */
export function plainDecimal(value: number): string {
  if (Object.is(value, -0)) return '0';
  const text = String(value);
  const exponentAt = text.indexOf('e');
  if (exponentAt < 0) return text;
  const negative = text.startsWith('-');
  const mantissa = text.slice(negative ? 1 : 0, exponentAt);
  const exponent = Number(text.slice(exponentAt + 1));
  const dot = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  const point = (dot < 0 ? mantissa.length : dot) + exponent;
  let plain: string;
  if (point <= 0) plain = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) plain = digits + '0'.repeat(point - digits.length);
  else plain = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? '-' : '') + plain;
}

/** `name=value`, or nothing when the value is absent (rule 3, 4). */
export function field(name: string, value: string | undefined): string {
  return value === undefined ? '' : `${name}=${value}`;
}

/**
 * Orders strings by Unicode code point, which is the order of their UTF-8
 * bytes (rules 10-12); JavaScript's default sort compares UTF-16 units and
 * differs for characters beyond U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(j) as number;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return a.length - i - (b.length - j);
}

export function sortedJoin(parts: (string | undefined)[]): string {
  return parts.filter((part): part is string => part !== undefined && part !== '').sort(compareCodePoints).join('');
}
