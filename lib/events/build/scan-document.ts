import { CANONICAL_HOST, type TPreHashParts } from './pre-hash';

/* The document of a scan-built event, as lib/epcis stores it (TEventInput.document). */

export const dl = (key: string) => CANONICAL_HOST + key;

export function ilmdDocument(ilmd: { lot: string; expiry?: string }): Record<string, string> {
  return ilmd.expiry === undefined ? { 'cbvmda:lotNumber': ilmd.lot } : { 'cbvmda:lotNumber': ilmd.lot, 'cbvmda:itemExpirationDate': ilmd.expiry };
}

/** The stored document, its members in the order lib/epcis writes them. */
export function documentOf(p: TPreHashParts, hashId: string): Record<string, unknown> {
  const doc: Record<string, unknown> = { type: p.type, eventID: hashId, eventTime: p.eventTime, eventTimeZoneOffset: p.eventTimeZoneOffset };
  if (p.epcList.length > 0) doc.epcList = p.epcList.map(dl);
  if (p.parentID !== null) doc.parentID = dl(p.parentID);
  if (p.childEPCs.length > 0) doc.childEPCs = p.childEPCs.map(dl);
  if (p.quantityClasses.length > 0) doc.quantityList = p.quantityClasses.map((key) => ({ epcClass: dl(key) }));
  doc.action = p.action;
  if (p.bizStep !== null) doc.bizStep = p.bizStep;
  doc.disposition = p.disposition;
  doc.readPoint = { id: dl(p.readPoint) };
  if (p.bizTransactions.length > 0) doc.bizTransactionList = p.bizTransactions.map((t) => ({ type: t.type, bizTransaction: t.uri }));
  if (p.sources.length > 0) doc.sourceList = p.sources.map((key) => ({ type: 'owning_party', source: dl(key) }));
  if (p.destinations.length > 0) doc.destinationList = p.destinations.map((key) => ({ type: 'owning_party', destination: dl(key) }));
  if (p.ilmd !== null) doc.ilmd = ilmdDocument(p.ilmd);
  return doc;
}
