import { isAbsoluteUri } from '../uri';
import { gs1KeyOf } from './gs1-key-cache';

export type TIdentifier =
  /** `key` is the lib/gs1 canonical key of a GS1 identifier, or the URI as sent for any other identifier. */
  | { ok: true; key: string; gs1: boolean }
  /** `reason` completes a sentence that starts with the field's name. */
  | { ok: false; reason: string };

/** EPC schemes of the Tag Data Standard that carry GS1 keys; the others (gid, usdod, adi, bic, imovn) are kept as sent. */
const GS1_EPC_URN = /^urn:epc:(?:id:(?:sgtin|sscc|sgln|grai|giai|gsrn|gsrnp|gdti|cpi|sgcn|ginc|gsin|itip|upui|pgln)|class:lgtin|idpat:(?:sgtin|grai|gdti|sgcn)):/;

/** EPC URIs of schemes that are not GS1 keys, and patterns lib/gs1 does not model: valid, kept as sent. */
const OTHER_EPC_URN = /^urn:epc:(?:id:(?:gid|usdod|adi|bic|imovn)|idpat:[a-z]+):[^\s]+$/;

/*
 * A path segment naming a GS1 primary key followed by a value of that key's
 * shape. An http(s) URI with one is a GS1 Digital Link and must be a valid
 * one; a URI that merely contains "/01/" (say /2024/01/05) is not.
 */
const DIGITAL_LINK_KEY = new RegExp(
  [
    '/(?:01|gtin)/(?:\\d{14}|\\d{13}|\\d{12}|\\d{8})(?=[/?#]|$)',
    '/(?:00|sscc)/\\d{18}(?=[/?#]|$)',
    '/(?:414|gln|417|party)/\\d{13}(?=[/?#]|$)',
    '/(?:8017|gsrnp|8018|gsrn)/\\d{18}(?=[/?#]|$)',
    '/(?:402|gsin)/\\d{17}(?=[/?#]|$)',
    '/(?:253|gdti|255|gcn)/\\d{13}',
    '/(?:8003|grai)/\\d{14}',
    '/(?:8006|itip)/\\d{18}',
    '/(?:8004|giai|401|ginc|8010|cpid)/[^/?#]+',
  ].join('|'),
);

/**
 * Reads an identifier of an EPCIS event (an EPC, a class, a location, a
 * party). EPC URIs and GS1 Digital Links are validated to the check digit
 * and become lib/gs1 canonical keys, so the same pack sent as a URN by one
 * partner and as a Digital Link by another is one pack. Any other absolute
 * URI (a UUID, a private scheme, a geo: location) is kept exactly as sent.
 */
export function readIdentifier(value: string): TIdentifier {
  if (!isAbsoluteUri(value)) return { ok: false, reason: `'${clip(value)}' is not an absolute URI` };
  if (value.startsWith('urn:epc:')) {
    if (isGs1EpcUrn(value)) return gs1Key(value, 'EPC URI');
    if (OTHER_EPC_URN.test(value)) return { ok: true, key: value, gs1: false };
    return invalid(value, 'EPC URI', 'it is not an EPC pure identity, class or pattern URI of the Tag Data Standard');
  }
  if (isDigitalLink(value)) return gs1Key(value, 'GS1 Digital Link URI');
  return { ok: true, key: value, gs1: false };
}

/** True for an EPC URN of a scheme that carries a GS1 key (sgtin, sscc, sgln, lgtin class, ...). */
export function isGs1EpcUrn(value: string): boolean {
  return GS1_EPC_URN.test(value);
}

/** True when `value` is an http(s) URI whose path names a GS1 key (a GS1 Digital Link, valid or not). */
export function isDigitalLink(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  const afterHost = value.replace(/^https?:\/\/[^/?#]*/i, '');
  return DIGITAL_LINK_KEY.test(afterHost.replace(/[?#].*$/, ''));
}

function gs1Key(value: string, what: string): TIdentifier {
  const key = gs1KeyOf(value);
  return key.ok ? { ok: true, key: key.key, gs1: true } : invalid(value, what, key.detail);
}

function invalid(value: string, what: string, why: string): TIdentifier {
  return { ok: false, reason: `'${clip(value)}' is not a valid ${what}: ${why}` };
}

function clip(text: string): string {
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}
