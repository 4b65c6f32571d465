/*
 * Absolute URIs as RFC 3986 §3 defines them (what GS1's JSON Schema calls
 * format "uri"): a scheme, then an optional //authority, a path, an optional
 * ?query and an optional #fragment, with only the characters the RFC allows
 * and every % followed by two hex digits. No spaces, no non-ASCII (IRIs must
 * be percent-encoded), no relative references, no empty path without an
 * authority ("urn:"), no IP-literal hosts: never more than ajv-formats
 * accepts, so whatever we store passes GS1's schema.
 */
const UNRESERVED_SUB_DELIMS = "A-Za-z0-9\\-._~!$&'()*+,;=";
const PCHAR = `[${UNRESERVED_SUB_DELIMS}:@%]`;
const SCHEME = '[A-Za-z][A-Za-z0-9+.\\-]*';
const USERINFO = `(?:[${UNRESERVED_SUB_DELIMS}:%]*@)?`;
const HOST = `[${UNRESERVED_SUB_DELIMS}%]*`;
const AUTHORITY = `${USERINFO}${HOST}(?::[0-9]*)?`;
const PATH_AFTER_AUTHORITY = `(?:/${PCHAR}*)*`;
const PATH_WITHOUT_AUTHORITY = `(?:/?${PCHAR}+(?:/${PCHAR}*)*|/)`;
const QUERY_OR_FRAGMENT = `[${UNRESERVED_SUB_DELIMS}:@%/?]*`;

const ABSOLUTE_URI = new RegExp(
  `^${SCHEME}:(?://${AUTHORITY}${PATH_AFTER_AUTHORITY}|${PATH_WITHOUT_AUTHORITY})(?:\\?${QUERY_OR_FRAGMENT})?(?:#${QUERY_OR_FRAGMENT})?$`,
);
const BAD_PERCENT = /%(?![0-9A-Fa-f]{2})/;

/** True for an absolute URI (scheme required), e.g. "urn:epc:id:sgtin:...", "https://...", "geo:47.5,11.1". */
export function isAbsoluteUri(value: string): boolean {
  return value.length > 0 && value.length <= 4096 && ABSOLUTE_URI.test(value) && !BAD_PERCENT.test(value);
}

/**
 * The compact-IRI prefix of `value` ("example" for "example:myField"), or
 * null when it has none. A prefix never starts with "//" after the colon
 * (JSON-LD 1.1 §4.4: "http://..." is an absolute IRI, not a compact one).
 */
export function compactIriPrefix(value: string): string | null {
  const match = /^([A-Za-z_][A-Za-z0-9_.-]*):(?!\/\/)/.exec(value);
  return match ? (match[1] as string) : null;
}
