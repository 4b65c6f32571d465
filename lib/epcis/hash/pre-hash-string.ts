import type { TPrefixes } from '../context/prefixes';
import { arrayOf, objectOf } from '../json/shape';
import type { TVocabularyKind } from '../vocabulary/vocabularies';
import { extensionsPart, ilmdPart } from './pre-hash-extensions';
import { sensorElementsPart } from './pre-hash-sensor';
import { field, hashIri, hashText, hashTime, hashVocabulary, scalarText, sortedJoin } from './hash-values';

type TEvent = Record<string, unknown>;

/**
 * The CBV 2.0 pre-hash string of an EPCIS event (CBV 2.0 §8.9): its fields
 * in the canonical property order, each as key=value, concatenated without
 * separators; lists sorted; user extensions last. eventID, recordTime,
 * errorDeclaration and certificationInfo are not part of it (see
 * docs/decisions/041), so the hash names what happened, not how or by whom
 * it was reported.
 *
 * requires: `event` passed guardJson (bounded depth).
 */
export function preHashString(event: TEvent, prefixes: TPrefixes): string {
  const iri = (value: unknown) => hashIri(value, prefixes);
  const vocabulary = (kind: TVocabularyKind, value: unknown) => hashVocabulary(kind, value, prefixes);
  return [
    // An extension type as its expanded IRI (rule 15), so two prefix names for one namespace hash alike; the five standard names are no compact IRIs and stay as they are.
    field('eventType', iri(event.type)),
    field('eventTime', hashTime(event.eventTime)),
    field('eventTimeZoneOffset', hashText(event.eventTimeZoneOffset)),
    identifierList('epcList', event.epcList, iri),
    field('parentID', iri(event.parentID)),
    identifierList('inputEPCList', event.inputEPCList, iri),
    identifierList('childEPCs', event.childEPCs, iri),
    quantityList('quantityList', event.quantityList, iri),
    quantityList('childQuantityList', event.childQuantityList, iri),
    quantityList('inputQuantityList', event.inputQuantityList, iri),
    identifierList('outputEPCList', event.outputEPCList, iri),
    quantityList('outputQuantityList', event.outputQuantityList, iri),
    field('action', hashText(event.action)),
    field('transformationID', iri(event.transformationID)),
    field('bizStep', vocabulary('bizStep', event.bizStep)),
    field('disposition', vocabulary('disposition', event.disposition)),
    persistentDisposition(event.persistentDisposition, prefixes),
    location('readPoint', event.readPoint, iri),
    location('bizLocation', event.bizLocation, iri),
    typedList('bizTransactionList', 'bizTransaction', 'bizTransactionType', event.bizTransactionList, prefixes),
    typedList('sourceList', 'source', 'sourceDestinationType', event.sourceList, prefixes),
    typedList('destinationList', 'destination', 'sourceDestinationType', event.destinationList, prefixes),
    sensorElementsPart(event.sensorElementList, prefixes),
    ilmdPart(event.ilmd, prefixes),
    extensionsPart(event, prefixes),
  ].join('');
}

type TIri = (value: unknown) => string | undefined;

/** "epcList" + sorted "epc=<canonical>" (rules 11, 17); an empty list is left out. */
function identifierList(name: string, list: unknown, iri: TIri): string {
  const items = sortedJoin(arrayOf(list).map((item) => field('epc', iri(item))));
  return items === '' ? '' : name + items;
}

/** "<list>" + sorted "quantityElement" + epcClass, quantity, uom (rule 12). */
function quantityList(name: string, list: unknown, iri: TIri): string {
  const items = sortedJoin(
    arrayOf(list).map((item) => {
      const element = objectOf(item);
      const fields = field('epcClass', iri(element.epcClass)) + field('quantity', scalarText(element.quantity)) + field('uom', hashText(element.uom));
      return fields === '' ? '' : `quantityElement${fields}`;
    }),
  );
  return items === '' ? '' : name + items;
}

/** "persistentDisposition" + sorted "set=<uri>" + sorted "unset=<uri>". */
function persistentDisposition(value: unknown, prefixes: TPrefixes): string {
  const part = objectOf(value);
  const entries = (key: string) => sortedJoin(arrayOf(part[key]).map((item) => field(key, hashVocabulary('disposition', item, prefixes))));
  const body = entries('set') + entries('unset');
  return body === '' ? '' : `persistentDisposition${body}`;
}

/** "readPoint" + "id=<canonical>"; extension fields of the location go to the extensions part. */
function location(name: string, value: unknown, iri: TIri): string {
  const id = iri(objectOf(value).id);
  return id === undefined ? '' : `${name}id=${id}`;
}

/** "<list>" + sorted (id=<canonical> followed by type=<uri>) (rule 13). */
function typedList(name: string, idKey: string, kind: TVocabularyKind, list: unknown, prefixes: TPrefixes): string {
  const items = sortedJoin(
    arrayOf(list).map((item) => {
      const element = objectOf(item);
      return field(idKey, hashIri(element[idKey], prefixes)) + field('type', hashVocabulary(kind, element.type, prefixes));
    }),
  );
  return items === '' ? '' : name + items;
}
