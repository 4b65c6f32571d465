/**
 * GS1 identifiers, barcodes, Digital Link and EPC URNs. Pure TypeScript
 * with no Node-only API: the public verify page parses codes in the
 * browser with this very module. Reference: docs/gs1.md.
 */
export type { TAiElement, TCodeForm, TDateOptions, TEpcKind, TGs1Fields } from './types';
export { gs1CheckDigit, hasValidCheckDigit, withCheckDigit } from './check-digit';
export { assertGln, assertGtin, assertSscc, isValidGln, isValidGtin, isValidSscc, normaliseGtin } from './assert-key';
export { centuryYear, expiryFromYymmdd, productionDateFromYymmdd, yymmddFromIso } from './expiry-from-yymmdd';
export { lookupAi, type TAiDefinition } from './ai-table';
export { GS1_SYMBOLOGY_IDS, readElementString, type TElementStringOptions } from './read-element-string';
export { parseElementString } from './parse-element-string';
export { parseBracketed } from './parse-bracketed';
export { parseDigitalLink, readDigitalLink, type TDigitalLink } from './parse-digital-link';
export { parseEpcUrn, type TEpcUrn } from './parse-epc-urn';
export { MAX_CODE_LENGTH, parseAnyCode, type TParsedCode } from './parse-any-code';
export { identifierKind } from './identifier-kind';
export { toElementString, type TToElementStringOptions } from './to-element-string';
export { toBracketed } from './to-bracketed';
export { toDigitalLink } from './to-digital-link';
export { toEpcUrn, toGtinPatternUrn, toLgtinUrn, toSglnUrn, toSgtinUrn, toSsccUrn } from './to-epc-urn';
export { epcKey, epcKeyFromIdentifier } from './epc-key';
export { CANONICAL_DL_HOST, parseEpcKey, toCanonicalDigitalLinkUri, type TEpcKey } from './parse-epc-key';
export { canonicalDigitalLinkUri } from './canonical-digital-link-uri';
export { DEFAULT_SERIAL_LENGTH, generateSerials, MAX_SERIALS_PER_CALL, SERIAL_ALPHABET } from './generate-serials';
