import { expandCompactIri, STANDARD_PREFIXES, type TPrefixes } from '../context/prefixes';
import { EVENT_TYPES, type TEpcisIssueCode, type TExtensionEventType } from '../types';
import { compactIriPrefix, isAbsoluteUri } from '../uri';

export type TExtensionTypeReading = { ok: true; iri: TExtensionEventType } | { ok: false; code: TEpcisIssueCode; reason: string };

/** Namespaces only GS1 defines terms in: a "type" there that is not one of the five is a mistake, not an extension. */
const GS1_NAMESPACES = ['https://ref.gs1.org/', 'https://gs1.org/voc/', 'https://id.gs1.org/', 'https://gs1.github.io/', 'urn:epcglobal:', 'urn:epc:'];

/**
 * The IRI of an extension event type (EPCIS 2.0 §7.2.1; GS1's schema
 * accepts any URI as "type"). A compact IRI ("example:CustomEvent") is
 * expanded with the prefixes declared inline, so the same type sent with two
 * prefix names is one type; an absolute http(s) or urn IRI is taken as it
 * is. Anything else (a bare word, an undeclared prefix, a term in GS1's own
 * namespaces) is refused with the reason, completing a sentence that starts
 * with "type".
 */
export function extensionEventType(type: string, prefixes: TPrefixes): TExtensionTypeReading {
  const shown = `'${type.length > 60 ? `${type.slice(0, 60)}…` : type}'`;
  const prefix = compactIriPrefix(type);
  const declared = prefix !== null && prefix !== 'urn' ? expandCompactIri(type, prefixes) : null;
  if (prefix !== null && STANDARD_PREFIXES.has(prefix)) return gs1Term(shown, type);
  if (prefix !== null && prefix !== 'urn' && declared === null) {
    return {
      ok: false,
      code: 'undeclared_prefix',
      reason: `${shown} is an extension event type whose prefix '${prefix}' the @context does not declare; add e.g. {"${prefix}": "https://example.com/${prefix}/"} to the document's @context`,
    };
  }
  const iri = declared ?? type;
  if (!/^(https?:\/\/|urn:)/.test(iri) || !isAbsoluteUri(iri)) return notAType(shown, type);
  if (GS1_NAMESPACES.some((namespace) => iri.startsWith(namespace))) return gs1Term(shown, type);
  return { ok: true, iri: iri as TExtensionEventType };
}

function notAType(shown: string, type: string): TExtensionTypeReading {
  const near = EVENT_TYPES.find((standard) => standard.toLowerCase() === type.toLowerCase().replace(/[^a-z]/g, ''));
  const hint = near ? `; did you mean ${near}?` : `; use ${EVENT_TYPES.join(', ')}, or the IRI of an extension event type (e.g. "example:MyEvent" with the prefix declared)`;
  return { ok: false, code: 'unsupported_event_type', reason: `${shown} is not an EPCIS event type${hint}` };
}

function gs1Term(shown: string, type: string): TExtensionTypeReading {
  const near = EVENT_TYPES.find((standard) => type.endsWith(standard));
  const hint = near ? `; write "${near}"` : `; use ${EVENT_TYPES.join(', ')}`;
  return { ok: false, code: 'unsupported_event_type', reason: `${shown} is in GS1's namespace but is not one of its event types${hint}` };
}
