import { canonicalJson, CanonicalJsonError } from '@/lib/verify';

/**
 * RFC 8785 canonical JSON for the server's hot path: the same text as
 * lib/verify's canonicalJson (the definition; fast-canonical-json.test.ts
 * checks equality on arbitrary JSON), produced by copying the value with its
 * object members in JCS order and letting the engine's JSON.stringify write
 * it. That is exact because JCS writes strings and numbers precisely as
 * JSON.stringify does (RFC 8785 §3.2.2.2, §3.2.2.3); what JSON.stringify
 * would silently drop or rewrite (undefined, NaN, non-plain objects, lone
 * surrogates) is refused while copying, as canonicalJson refuses it. Objects
 * with array-index-like member names, whose order no engine lets us choose,
 * are handed to canonicalJson.
 */
export function fastCanonicalJson(value: unknown): string {
  const sorted = sortedCopy(value);
  return sorted === FALLBACK ? canonicalJson(value) : JSON.stringify(sorted);
}

const FALLBACK = Symbol('fallback');
const INDEX_LIKE = /^(0|[1-9]\d*)$/;
/** Deeper than any EPCIS event may nest (lib/epcis refuses past 48); also stops a cycle. */
const MAX_DEPTH = 64;

/** String.prototype.isWellFormed (ES2024, native in Node 20): no lone surrogates. */
const isWellFormed = (text: string) => (text as unknown as { isWellFormed(): boolean }).isWellFormed();

function sortedCopy(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new CanonicalJsonError('the value is nested too deeply (or contains a cycle)');
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    if (!isWellFormed(value)) throw new CanonicalJsonError('a string contains a lone surrogate (not I-JSON)');
    return value;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new CanonicalJsonError(`${value} is not a JSON number`);
    return value;
  }
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) throw new CanonicalJsonError(`array hole at index ${i}`);
      const item = sortedCopy(value[i], depth + 1);
      if (item === FALLBACK) return FALLBACK;
      copy[i] = item;
    }
    return copy;
  }
  if (typeof value === 'object') return sortedObject(value as Record<string, unknown>, depth);
  throw new CanonicalJsonError(`a ${typeof value} is not a JSON value`);
}

function sortedObject(value: Record<string, unknown>, depth: number): unknown {
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) throw new CanonicalJsonError(`${value.constructor?.name ?? 'this object'} is not a plain JSON object`);
  const names = Object.keys(value).sort();
  const copy: Record<string, unknown> = {};
  for (const name of names) {
    // Index-like names are ordered by the engine, not by us; __proto__ would not become a member.
    if (INDEX_LIKE.test(name) || name === '__proto__' || !isWellFormed(name)) return FALLBACK;
    const member = sortedCopy(value[name], depth + 1);
    if (member === FALLBACK) return FALLBACK;
    copy[name] = member;
  }
  return copy;
}
