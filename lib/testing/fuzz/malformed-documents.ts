import fc from 'fast-check';
import { anyCode, randomText } from './malformed-codes';

/**
 * TEST-ONLY. Malformed EPCIS capture requests made from valid documents:
 * members deleted, renamed (typos, prototype names), given the wrong type,
 * replaced by arbitrary JSON, bad identifiers or bad dates, nested
 * thousands of levels deep; the JSON text itself cut, spliced or replaced;
 * odd content types and binding headers. Each mutation picks its target
 * among all members of the document as it stands after the previous ones.
 */
type TJson = unknown;
type TPath = (string | number)[];

/** Every member of `value` (objects, arrays and scalars), as paths from the root; the root itself is []. Iterative: documents may nest thousands deep. */
export function jsonPaths(value: TJson): TPath[] {
  const paths: TPath[] = [];
  const pending: [TJson, TPath][] = [[value, []]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, path] = next;
    paths.push(path);
    if (node === null || typeof node !== 'object') continue;
    const entries = Array.isArray(node) ? node.map((child, i) => [i, child] as const) : Object.entries(node);
    for (const [key, child] of entries) pending.push([child, [...path, key]]);
  }
  return paths;
}

const BAD_DATES = [
  '2026-13-01T00:00:00.000Z', '2026-02-30T09:00:00.000Z', '2026-03-01T25:00:00Z', '2026-03-01', 'yesterday', '', '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00.001Z', '9999-12-31T23:59:59.999Z', '2026-03-01T09:00:00.000+25:00', '2026-03-01T09:00:00.000Z\u0000', '1e400',
  '+14:01', '-12:60', '+1:00', 'Z', '+00:00:00', '--:--',
];
const ODD_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '@context', '@id', 'type', 'eventList', '', 'ex:\u0000', 'ex:\ud800', 'ex:a.b'];

/** Wraps `value` in `depth` arrays or objects. */
const nest = (value: TJson, depth: number, asObject: boolean): TJson => Array.from({ length: depth }).reduce<TJson>((inner) => (asObject ? { 'ex:n': inner } : [inner]), value);

/** A value of another JSON type than `old` (its JSON text, not String(old): a generated object may carry a `toString` member that is no function). */
function wrongType(old: TJson, pick: number): TJson {
  const others = [0, -1.5, 1e308, '', 'x', true, null, [], {}, [old], { value: old }, JSON.stringify(old) ?? ''].filter((v) => typeof v !== typeof old || Array.isArray(v) !== Array.isArray(old));
  return others[pick % others.length];
}

/** A change of the member at `path`, giving the new document. */
type TMutation = (doc: TJson, path: TPath) => TJson;

const mutation = (identifiers: string[]): fc.Arbitrary<TMutation> => {
  const setTo = (value: TJson): TMutation => (doc, path) => change(doc, path, () => value);
  return fc.oneof(
    fc.constant<TMutation>((doc, path) => change(doc, path, () => undefined)),
    fc.nat().map<TMutation>((pick) => (doc, path) => change(doc, path, (old) => wrongType(old, pick))),
    fc.jsonValue({ maxDepth: 3 }).map(setTo),
    anyCode(identifiers).map(setTo),
    fc.constantFrom(...BAD_DATES).map(setTo),
    fc.tuple(fc.integer({ min: 8, max: 600 }), fc.boolean()).map<TMutation>(([depth, asObject]) => (doc, path) => change(doc, path, (old) => nest(old, depth, asObject))),
    fc.tuple(fc.constantFrom(...ODD_KEYS), fc.jsonValue({ maxDepth: 2 })).map<TMutation>(([key, value]) => (doc, path) => addMember(doc, path, key, value)),
    fc.tuple(fc.nat(), fc.constantFrom(...ODD_KEYS, 'eventTme', 'epclist', 'EventTime', 'bizstep')).map<TMutation>(([at, name]) => (doc, path) => renameMember(doc, path, at, name)),
    fc.integer({ min: 2, max: 60 }).map<TMutation>((times) => (doc, path) => change(doc, path, (old) => (Array.isArray(old) ? Array.from({ length: times }, () => old).flat() : old))),
  );
};

/** `doc` with the member at `path` set to `to(old)` (undefined deletes it), copying only the members along the path. */
function change(doc: TJson, path: TPath, to: (old: TJson) => TJson): TJson {
  const along = [doc];
  for (const key of path) along.push((along.at(-1) as Record<string | number, TJson>)[key]);
  let replaced = to(along.at(-1));
  for (let i = path.length - 1; i >= 0; i--) {
    const parent = along[i] as Record<string | number, TJson>;
    const copy = (Array.isArray(parent) ? [...parent] : { ...parent }) as Record<string | number, TJson>;
    // defineProperty, not assignment: a member named __proto__ stays a member, as JSON.parse makes it.
    if (replaced !== undefined) Object.defineProperty(copy, path[i]!, { value: replaced, enumerable: true, writable: true, configurable: true });
    else if (Array.isArray(copy)) copy.splice(path[i] as number, 1);
    else delete copy[path[i]!];
    replaced = copy;
  }
  return replaced ?? null;
}

function addMember(doc: TJson, path: TPath, key: string, value: TJson): TJson {
  return change(doc, path, (old) => (old && typeof old === 'object' && !Array.isArray(old) ? Object.fromEntries([...Object.entries(old), [key, value]]) : old));
}

function renameMember(doc: TJson, path: TPath, at: number, name: string): TJson {
  return change(doc, path, (old) => {
    if (!old || typeof old !== 'object' || Array.isArray(old)) return old;
    const entries = Object.entries(old);
    if (entries.length === 0) return old;
    const i = at % entries.length;
    return Object.fromEntries(entries.map(([k, v], j) => [j === i ? name : k, v]));
  });
}

/**
 * The JSON text of one to four mutations of `base`, each at a member chosen
 * among those present at that point; `identifiers` are real ones to miss
 * narrowly. Text, not the value: fast-check prints a failing value, and
 * printing one nested thousands deep would overflow the stack (so does
 * JSON.stringify past a few thousand levels, hence nesting of at most 600
 * per mutation here; mutatedText nests deeper).
 */
export function mutatedDocument(base: TJson, identifiers: string[] = []): fc.Arbitrary<string> {
  return fc.array(fc.tuple(mutation(identifiers), fc.nat()), { minLength: 1, maxLength: 4 }).map((steps) => {
    const document = steps.reduce((doc, [mutate, pick]) => {
      const paths = jsonPaths(doc);
      return mutate(doc, paths[pick % paths.length]!);
    }, base);
    return JSON.stringify(document) ?? 'null';
  });
}

/** The JSON text of a document, cut short, spliced with junk, wrapped, or not JSON at all. */
export function mutatedText(text: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.nat().map((at) => text.slice(0, at % text.length)) },
    { weight: 3, arbitrary: fc.tuple(fc.nat(), randomText).map(([at, junk]) => text.slice(0, at % text.length) + junk + text.slice(at % text.length)) },
    { weight: 2, arbitrary: fc.constantFrom(`\ufeff${text}`, `${text}}`, `${text},`, `[${text}]`, `${text}\u0000`, text.replace(/"/g, "'"), text.replace('{', '{"type":"x",'), 'null', '', ' ', '[]', '"EPCISDocument"', '{}', '1e999') },
    { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 100_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)) },
    { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 100_000 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)) },
    { weight: 1, arbitrary: randomText },
  );
}

/** Headers of a capture request: mostly right, sometimes an odd content type, version or error behaviour. */
export function captureHeaders(apiKey: string): fc.Arbitrary<Record<string, string>> {
  const contentType = fc.oneof(
    { weight: 6, arbitrary: fc.constant('application/ld+json') },
    { weight: 1, arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/vnd.x+json', 'text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/ld+json;;;', '') },
  );
  // Each odd header in one request of six, so that most requests get past the headers to the body.
  const optional = (name: string, values: string[]) => fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...values).map((v) => [name, v] as const) });
  return fc
    .tuple(
      contentType,
      optional('authorization', ['', 'Bearer ', 'Bearer ptk_not-a-key', 'Basic dXNlcjpwYXNz', `Bearer ${apiKey}x`, `bearer ${apiKey}`]),
      optional('gs1-epcis-version', ['2.0.0', '2.0', '1.2', 'x', '', '2.0.0.0.0.0']),
      optional('gs1-capture-error-behaviour', ['rollback', 'proceed', 'continue', '', 'ROLLBACK']),
      optional('accept', ['*/*', 'application/xml', 'text/html;q=1, application/json;q=0', 'application/json;q=x']),
    )
    .map(([type, ...extra]) => {
      const headers: Record<string, string> = { authorization: `Bearer ${apiKey}` };
      if (type !== '') headers['content-type'] = type;
      for (const pair of extra) if (pair) headers[pair[0]] = pair[1];
      return headers;
    });
}
