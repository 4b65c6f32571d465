import type { TPreHashParts } from './pre-hash';
import { jcsString, type TDocumentJcs } from './record-jcs';
import { dl } from './scan-document';

const jcsList = (keys: readonly string[]) => `[${keys.map((key) => jcsString(dl(key))).join(',')}]`;
const jcsParties = (keys: readonly string[], member: 'source' | 'destination') => `[${keys.map((key) => `{"${member}":${jcsString(dl(key))},"type":"owning_party"}`).join(',')}]`;

/** documentOf(parts) in RFC 8785 member order, split around "recordTime" (see TDocumentJcs). */
export function documentJcsOf(p: TPreHashParts, hashId: string): TDocumentJcs {
  const head: string[] = [`"action":${jcsString(p.action)}`];
  if (p.bizStep !== null) head.push(`"bizStep":${jcsString(p.bizStep)}`);
  if (p.bizTransactions.length > 0) head.push(`"bizTransactionList":[${p.bizTransactions.map((t) => `{"bizTransaction":${jcsString(t.uri)},"type":${jcsString(t.type)}}`).join(',')}]`);
  if (p.childEPCs.length > 0) head.push(`"childEPCs":${jcsList(p.childEPCs)}`);
  if (p.destinations.length > 0) head.push(`"destinationList":${jcsParties(p.destinations, 'destination')}`);
  head.push(`"disposition":${jcsString(p.disposition)}`);
  if (p.epcList.length > 0) head.push(`"epcList":${jcsList(p.epcList)}`);
  head.push(`"eventID":${jcsString(hashId)}`, `"eventTime":${jcsString(p.eventTime)}`, `"eventTimeZoneOffset":${jcsString(p.eventTimeZoneOffset)}`);
  if (p.ilmd !== null) {
    const expiry = p.ilmd.expiry === undefined ? '' : `"cbvmda:itemExpirationDate":${jcsString(p.ilmd.expiry)},`;
    head.push(`"ilmd":{${expiry}"cbvmda:lotNumber":${jcsString(p.ilmd.lot)}}`);
  }
  if (p.parentID !== null) head.push(`"parentID":${jcsString(dl(p.parentID))}`);
  if (p.quantityClasses.length > 0) head.push(`"quantityList":[${p.quantityClasses.map((key) => `{"epcClass":${jcsString(dl(key))}}`).join(',')}]`);
  head.push(`"readPoint":{"id":${jcsString(dl(p.readPoint))}}`);
  const tail: string[] = [];
  if (p.sources.length > 0) tail.push(`"sourceList":${jcsParties(p.sources, 'source')}`);
  tail.push(`"type":${jcsString(p.type)}`);
  return { head: `{${head.join(',')}`, tail: `,${tail.join(',')}}` };
}
