import { isWellFormedUnicode, utf8 } from './bytes';

/**
 * RFC 8785 JSON Canonicalization Scheme. The ledger hashes UTF-8(JCS(record)),
 * so the same record must give the same bytes in every language:
 * - objects: members sorted by their names' UTF-16 code units (§3.2.3),
 *   which is what JavaScript's default string sort compares;
 * - numbers: the ECMAScript Number-to-String algorithm (§3.2.2.3), which
 *   String(number) implements; -0 becomes 0; NaN and Infinity are errors;
 * - strings: JSON.stringify escaping (§3.2.2.2): \b \t \n \f \r \" \\ and
 *   \u00xx (lowercase) for other controls, everything else as is;
 * - no whitespace.
 * Values JSON cannot carry (undefined, functions, symbols, bigint, class
 * instances such as Date, sparse array holes) and cycles are errors rather
 * than being dropped silently, since a dropped field would still be shown to
 * the reader but not be covered by the hash. Strings with lone surrogates
 * are errors too: they have no UTF-8 form (RFC 8785 §3.1 requires I-JSON).
 */
export class CanonicalJsonError extends TypeError {
  constructor(message: string) {
    super(message);
    this.name = 'CanonicalJsonError';
  }
}

function serializeString(text: string): string {
  if (!isWellFormedUnicode(text)) throw new CanonicalJsonError('a string contains a lone surrogate (not I-JSON)');
  // JSON.stringify applies exactly RFC 8785 §3.2.2.2 to well-formed strings.
  return JSON.stringify(text);
}

function serializeNumber(value: number): string {
  if (!Number.isFinite(value)) throw new CanonicalJsonError(`${value} is not a JSON number`);
  return Object.is(value, -0) ? '0' : String(value);
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function serializeArray(value: unknown[], seen: Set<object>): string {
  const parts: string[] = [];
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) throw new CanonicalJsonError(`array hole at index ${i}`);
    parts.push(serialize(value[i], seen));
  }
  return `[${parts.join(',')}]`;
}

function serializeObject(value: Record<string, unknown>, seen: Set<object>): string {
  const names = Object.keys(value).sort();
  return `{${names.map((name) => `${serializeString(name)}:${serialize(value[name], seen)}`).join(',')}}`;
}

function serializeContainer(value: object, seen: Set<object>): string {
  if (seen.has(value)) throw new CanonicalJsonError('the value contains a cycle');
  seen.add(value);
  try {
    if (Array.isArray(value)) return serializeArray(value, seen);
    if (!isPlainObject(value)) throw new CanonicalJsonError(`${value.constructor?.name ?? 'this object'} is not a plain JSON object`);
    return serializeObject(value as Record<string, unknown>, seen);
  } finally {
    seen.delete(value);
  }
}

function serialize(value: unknown, seen: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return serializeNumber(value);
    case 'string':
      return serializeString(value);
    case 'object':
      return serializeContainer(value, seen);
    default:
      throw new CanonicalJsonError(`a ${typeof value} is not a JSON value`);
  }
}

/** The RFC 8785 canonical JSON text of `value`; throws CanonicalJsonError. */
export function canonicalJson(value: unknown): string {
  return serialize(value, new Set());
}

/** UTF-8 bytes of canonicalJson(value): the data the ledger hashes. */
export function canonicalJsonBytes(value: unknown): Uint8Array {
  return utf8(canonicalJson(value));
}
