import fc from 'fast-check';

/**
 * TEST-ONLY. Generators of what people and scanners type into the public
 * verification surface: pack codes in every GS1 form (DataMatrix element
 * string with or without the ]d2 symbology identifier and GS separators,
 * the bracketed text, EPC URNs, Digital Links), near misses of real codes,
 * random Unicode and strings far past every length limit. Mostly malformed;
 * some happen to be valid, which is fine: the answer must be clear either
 * way. The unit tests of lib/gs1 pin the parser's verdicts; these only feed
 * the HTTP surface.
 */
const GS = '\u001d';
const GTINS = ['09506000134352', '04098765000119', '4098765000119', '95060001', '00000000000000', '09506000134353', '0950600013435'];
const AIS = ['00', '01', '02', '10', '11', '15', '17', '21', '22', '235', '240', '254', '3103', '392', '400', '414', '417', '422', '7003', '8003', '8004', '8006', '8017', '90', '99', '5', '555', '9999'];
const SEPARATORS = ['', GS, GS, '|', '^', '~', '{', '}', '§', '<GS>', '\\x1d', ' ', '\n', '\r\n', '\t'];
const PREFIXES = ['', ']d2', ']d2', ']C1', ']Q3', ']e0', ']d1', ']', ']]d2', '\u00e8', ' '];
const ODD = [...'%#&?/\\()[]{}<>"\'`=+,;:@!*$|^~ \u00a0\u200b\ufeff\u0000\u0007\u00c4\u00e9\u00df\u4e2d\u0634'];

/** Mostly digits, then letters, CSET 82 punctuation and characters GS1 forbids. */
const gs1Char = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...'0123456789') },
  { weight: 3, arbitrary: fc.constantFrom(...'ABCLXZabcz') },
  { weight: 1, arbitrary: fc.constantFrom(...'-./_*+,:;<=>?!&') },
  { weight: 1, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);
const value = fc.oneof(
  { weight: 4, arbitrary: fc.array(gs1Char, { maxLength: 24 }).map((chars) => chars.join('')) },
  { weight: 2, arbitrary: fc.constantFrom(...GTINS) },
  { weight: 1, arbitrary: fc.constantFrom('270331', '271301', '270230', '000000', '991231', '2703', '') },
);
const ai = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...AIS) }, { weight: 1, arbitrary: fc.stringMatching(/^\d{1,5}$/) });

/** A DataMatrix payload: AI fragments with a symbology identifier, separators (or a scanner's substitute) and trailing noise. */
export const elementString = fc
  .tuple(fc.constantFrom(...PREFIXES), fc.array(fc.tuple(ai, value, fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 6 }), fc.constantFrom('', GS, '\n', ' ', '\u0004'))
  .map(([prefix, parts, tail]) => `${prefix}${parts.map(([a, v, s]) => `${a}${v}${s}`).join('')}${tail}`);

/** The text printed under the code: (AI)value pairs, with parentheses missing, doubled or unbalanced now and then. */
export const bracketed = fc
  .array(fc.tuple(fc.constantFrom('(', '(', '(', '((', '[', ''), ai, fc.constantFrom(')', ')', ')', '))', ']', ''), value, fc.constantFrom('', '', ' ', GS)), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.map((p) => p.join('')).join(''));

const urnPart = fc.oneof(fc.stringMatching(/^\d{0,14}$/), fc.array(gs1Char, { maxLength: 12 }).map((c) => c.join('')), fc.constantFrom('%2F', '%ZZ', '%', '%00', '%C3%84', '*', ''));

/** EPC URNs (pure identity and class) of known and unknown schemes, with wrong part counts and escapes. */
export const epcUrn = fc
  .tuple(fc.constantFrom('urn:epc:', 'urn:epc:', 'URN:EPC:', 'urn:'), fc.constantFrom('id', 'class', 'idpat', 'tag', ''), fc.constantFrom('sgtin', 'lgtin', 'sscc', 'sgln', 'grai', 'giai', 'sgtin-96', 'x', ''), fc.array(urnPart, { maxLength: 4 }))
  .map(([start, kind, scheme, parts]) => `${start}${kind}:${scheme}:${parts.join('.')}`);

const dlSegment = fc.oneof(
  { weight: 3, arbitrary: value },
  { weight: 1, arbitrary: fc.constantFrom('%', '%2', '%2F', '%ZZ', '%E0%A4%A', '%00', '%C3%84', '..', '.', '', 'a b', '%20') },
);
const dlPath = fc.array(fc.tuple(fc.constantFrom('01', '01', '00', '414', '8004', '10', '21', '22', '235', '17', 'gtin', 'ser', ''), dlSegment), { minLength: 1, maxLength: 5 });
const dlQuery = fc.array(fc.tuple(fc.constantFrom('17', '10', '21', '3103', 'linkType', 'context', 'x', '', '17=', '&'), dlSegment), { maxLength: 4 });

/** GS1 Digital Link URIs: odd schemes and hosts, keys and qualifiers in any order, broken percent-escapes, query AIs. */
export const digitalLinkUri = fc
  .tuple(fc.constantFrom('https://', 'http://', 'HTTPS://', 'ftp://', '//', 'https:/', ''), fc.constantFrom('id.gs1.org', 'example.com', 'ex\u00e4mple.org', 'a:b@c', '[::1]', 'localhost:99999', '', 'x'.repeat(300)), dlPath, dlQuery, fc.constantFrom('', '#frag', '?', '/'))
  .map(([scheme, host, path, query, tail]) => {
    const search = query.length > 0 ? `?${query.map(([k, v]) => `${k}=${v}`).join('&')}` : '';
    return `${scheme}${host}/${path.map((p) => p.join('/')).join('/')}${search}${tail}`;
  });

/** Characters from the whole of Unicode, including lone surrogates (a client can send their UTF-8 look-alikes). */
export const randomText = fc.oneof(fc.string({ unit: 'binary', maxLength: 64 }), fc.string({ unit: 'grapheme', maxLength: 64 }), fc.string({ unit: 'binary-ascii', maxLength: 64 }));

/** A string far past the limits (4096 for a code), made of a repeated piece. */
export const hugeText = fc.tuple(fc.constantFrom('0', '(01)', '%', GS, '\u00c4', '01095060001343522', 'x'), fc.integer({ min: 4_000, max: 40_000 })).map(([piece, length]) => piece.repeat(Math.ceil(length / piece.length)));

/** One edit of a string: a character inserted, deleted or replaced at a position (taken modulo the length). */
const edit = fc.tuple(fc.constantFrom('insert', 'delete', 'replace'), fc.nat(), gs1Char);

/** Near misses of `real`: one to four random edits. */
export function nearMiss(real: string): fc.Arbitrary<string> {
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) =>
    edits.reduce((text, [kind, at, char]) => {
      const i = text.length === 0 ? 0 : at % text.length;
      if (kind === 'insert') return text.slice(0, i) + char + text.slice(i);
      if (kind === 'delete') return text.slice(0, i) + text.slice(i + 1);
      return text.slice(0, i) + char + text.slice(i + 1);
    }, real),
  );
}

/** Any of the above, in the proportions a fuzzer finds useful; `real` are genuine codes to miss narrowly, if any. */
export function anyCode(real: string[] = []): fc.Arbitrary<string> {
  const nearMisses = real.length > 0 ? [{ weight: 3, arbitrary: fc.constantFrom(...real).chain(nearMiss) }] : [];
  return fc.oneof(
    { weight: 4, arbitrary: elementString },
    { weight: 3, arbitrary: bracketed },
    { weight: 2, arbitrary: epcUrn },
    { weight: 3, arbitrary: digitalLinkUri },
    ...nearMisses,
    { weight: 2, arbitrary: randomText },
    { weight: 1, arbitrary: hugeText },
  );
}
