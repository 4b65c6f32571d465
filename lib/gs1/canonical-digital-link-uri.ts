import { epcKeyFromIdentifier } from './epc-key';
import { toCanonicalDigitalLinkUri } from './parse-epc-key';

/**
 * The identifier as the CBV 2.0 §8.9 event hash writes it: an EPC URN or
 * any GS1 Digital Link becomes the canonical Digital Link on id.gs1.org at
 * its finest level, without query. urn:epc:id:sgtin:0614141.107346.2017
 * -> https://id.gs1.org/01/00614141073467/21/2017.
 */
export function canonicalDigitalLinkUri(uriOrUrn: string): string {
  return toCanonicalDigitalLinkUri(epcKeyFromIdentifier(uriOrUrn));
}
