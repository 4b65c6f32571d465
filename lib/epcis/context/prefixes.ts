import { compactIriPrefix, isAbsoluteUri } from '../uri';

/** The EPCIS 2.0 JSON-LD context we write into documents. */
export const EPCIS_CONTEXT_URL = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';

/**
 * Prefixes defined by the standard EPCIS 2.0 context. That context is
 * "@protected", so a document cannot redefine them; we let these win over
 * any inline definition for the same reason.
 */
export const STANDARD_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['epcis', 'https://ref.gs1.org/epcis/'],
  ['cbv', 'https://ref.gs1.org/cbv/'],
  ['cbvmda', 'urn:epcglobal:cbv:mda:'],
  ['gs1', 'https://gs1.org/voc/'],
  ['rdfs', 'http://www.w3.org/2000/01/rdf-schema#'],
  ['owl', 'http://www.w3.org/2002/07/owl#'],
  ['xsd', 'http://www.w3.org/2001/XMLSchema#'],
  ['dcterms', 'http://purl.org/dc/terms/'],
]);

export type TPrefixes = ReadonlyMap<string, string>;

/** URI schemes that identifiers in events use; a "prefix" with one of these names would silently rewrite them. */
const SCHEME_NAMES: ReadonlySet<string> = new Set(['urn', 'http', 'https', 'ni', 'geo']);

/**
 * The prefix -> namespace IRI map of a JSON-LD @context, on top of `base`
 * (the enclosing document's map, or the standard prefixes). Only inline
 * definitions count: remote contexts are never fetched (that would let a
 * sender make the server issue requests, and make an event's meaning depend
 * on a third party's server), so a prefix must be declared inline, e.g.
 * {"example": "https://example.com/epcis/"}.
 */
export function prefixesOf(context: unknown, base: TPrefixes = STANDARD_PREFIXES): Map<string, string> {
  const prefixes = new Map(base);
  for (const entry of Array.isArray(context) ? context : [context]) {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) continue;
    for (const [term, definition] of Object.entries(entry as Record<string, unknown>)) {
      const iri = typeof definition === 'string' ? definition : idOf(definition);
      if (iri === null || !isPrefixTerm(term) || !isAbsoluteUri(iri)) continue;
      prefixes.set(term, iri);
    }
  }
  return prefixes;
}

/** "example:myField" -> "https://example.com/epcis/myField" when the prefix is declared; otherwise null. */
export function expandCompactIri(value: string, prefixes: TPrefixes): string | null {
  const prefix = compactIriPrefix(value);
  const namespace = prefix === null ? undefined : prefixes.get(prefix);
  return namespace === undefined ? null : namespace + value.slice((prefix as string).length + 1);
}

/** True when `key` names an extension field we can resolve: a declared prefix, or an absolute http(s)/urn IRI. */
export function isResolvableExtensionKey(key: string, prefixes: TPrefixes): boolean {
  const prefix = compactIriPrefix(key);
  if (prefix !== null && prefixes.has(prefix)) return true;
  return /^(https?:\/\/|urn:)/.test(key) && isAbsoluteUri(key);
}

/**
 * The non-standard prefixes `event` uses in its keys or string values, with
 * their namespaces, so a stored event can carry its own @context.
 */
export function usedUserPrefixes(event: unknown, prefixes: TPrefixes): Record<string, string> {
  const used: Record<string, string> = {};
  const note = (text: string) => {
    const prefix = compactIriPrefix(text);
    if (prefix !== null && !STANDARD_PREFIXES.has(prefix) && prefixes.has(prefix)) used[prefix] = prefixes.get(prefix) as string;
  };
  const visit = (value: unknown): void => {
    if (typeof value === 'string') note(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === '@context') continue;
        note(key);
        visit(child);
      }
    }
  };
  visit(event);
  return Object.fromEntries(Object.entries(used).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function isPrefixTerm(term: string): boolean {
  return !term.startsWith('@') && !term.includes(':') && !STANDARD_PREFIXES.has(term) && !SCHEME_NAMES.has(term);
}

function idOf(definition: unknown): string | null {
  if (definition === null || typeof definition !== 'object') return null;
  const id = (definition as Record<string, unknown>)['@id'];
  return typeof id === 'string' ? id : null;
}
