import { STANDARD_PREFIXES, type TPrefixes } from '../context/prefixes';
import { arrayOf, isObject, objectOf } from '../json/shape';
import { compactIriPrefix } from '../uri';
import { hashTime, scalarText, sortedJoin } from './hash-values';
import { SENSOR_METADATA_ORDER, SENSOR_REPORT_ORDER } from './pre-hash-sensor';

/** Event fields the pre-hash string writes in the canonical property order. */
const ORDERED_KEYS: ReadonlySet<string> = new Set([
  'type', 'eventTime', 'eventTimeZoneOffset', 'epcList', 'parentID', 'inputEPCList', 'childEPCs', 'quantityList',
  'childQuantityList', 'inputQuantityList', 'outputEPCList', 'outputQuantityList', 'action', 'transformationID',
  'bizStep', 'disposition', 'persistentDisposition', 'readPoint', 'bizLocation', 'bizTransactionList', 'sourceList',
  'destinationList', 'sensorElementList', 'ilmd',
]);

/**
 * Fields that are not part of the hash at all: how and when the event was
 * reported and by whom it is vouched for, not what happened (docs/decisions/041),
 * plus JSON-LD machinery and comments.
 */
const EXCLUDED_KEYS: ReadonlySet<string> = new Set(['eventID', 'recordTime', 'errorDeclaration', 'certificationInfo', '@context', 'rdfs:comment', `${STANDARD_PREFIXES.get('rdfs')}comment`]);

/** "ilmd" + the sorted ILMD fields as {namespace}name=value (rule 19). */
export function ilmdPart(ilmd: unknown, prefixes: TPrefixes): string {
  const body = sortedJoin(Object.entries(objectOf(ilmd)).flatMap(([key, value]) => extensionStrings(expandedName(key, prefixes), value, prefixes)));
  return body === '' ? '' : `ilmd${body}`;
}

/**
 * The user extensions (rules 20, 21 as CBV 2.0 has them): each top-level
 * extension field as {namespace}name[=value] (nested fields after their
 * parent, sorted), and, for the standard parts that can carry extensions,
 * the part's name followed by its extension fields ("readPoint{...}x=1",
 * "sensorElementsensorReport{...}cv=123"), all sorted together.
 */
export function extensionsPart(event: Record<string, unknown>, prefixes: TPrefixes): string {
  const contributions: string[] = [];
  for (const [key, value] of Object.entries(event)) {
    if (!ORDERED_KEYS.has(key) && !EXCLUDED_KEYS.has(key)) contributions.push(...extensionStrings(expandedName(key, prefixes), value, prefixes));
  }
  for (const name of ['readPoint', 'bizLocation']) contributions.push(wrapped(name, extraFields(event[name], new Set(['id']), prefixes)));
  for (const element of arrayOf(event.sensorElementList)) contributions.push(sensorElementExtensions(objectOf(element), prefixes));
  return sortedJoin(contributions);
}

function sensorElementExtensions(element: Record<string, unknown>, prefixes: TPrefixes): string {
  const metadataKeys = new Set(SENSOR_METADATA_ORDER.map(([name]) => name));
  const reportKeys = new Set(SENSOR_REPORT_ORDER.map(([name]) => name));
  const parts = [
    wrapped('sensorMetadata', extraFields(element.sensorMetadata, metadataKeys, prefixes)),
    ...arrayOf(element.sensorReport).map((report) => wrapped('sensorReport', extraFields(report, reportKeys, prefixes))),
    ...extraFields(element, new Set(['sensorMetadata', 'sensorReport']), prefixes),
  ];
  return wrapped('sensorElement', parts);
}

/** The extension strings of the fields of `part` that are not among `standard`. */
function extraFields(part: unknown, standard: ReadonlySet<string>, prefixes: TPrefixes): string[] {
  return Object.entries(objectOf(part))
    .filter(([key]) => !standard.has(key))
    .flatMap(([key, value]) => extensionStrings(expandedName(key, prefixes), value, prefixes));
}

function wrapped(name: string, parts: string[]): string {
  const body = sortedJoin(parts);
  return body === '' ? '' : name + body;
}

/**
 * One extension field as pre-hash strings: name=value for a scalar (a
 * timestamp normalised like any other, rules 8, 9), name followed by its
 * sorted children for an object, one string per item for an array.
 */
export function extensionStrings(name: string, value: unknown, prefixes: TPrefixes): string[] {
  // An undefined property is absent, as in JSON (guardJson): it must not hash differently from a missing one.
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((item) => extensionStrings(name, item, prefixes));
  if (isObject(value)) {
    if ('@value' in value) return extensionStrings(name, value['@value'], prefixes);
    if (typeof value['@id'] === 'string') return extensionStrings(name, value['@id'], prefixes);
    const children = Object.entries(value)
      .filter(([key]) => !key.startsWith('@'))
      .flatMap(([key, child]) => extensionStrings(expandedName(key, prefixes), child, prefixes));
    return [name + sortedJoin(children)];
  }
  const text = typeof value === 'string' ? hashTime(value) : scalarText(value);
  return [text === undefined ? name : `${name}=${text}`];
}

/**
 * An extension field's name as {namespace}localName: the namespace its
 * prefix is declared with ("example:myField" -> "{https://ns.example.com/epcis/}myField"),
 * or, for a full IRI, everything up to its last '/', '#' or ':'.
 */
export function expandedName(key: string, prefixes: TPrefixes): string {
  const prefix = compactIriPrefix(key);
  const namespace = prefix === null ? undefined : prefixes.get(prefix);
  if (namespace !== undefined) return `{${namespace}}${key.slice((prefix as string).length + 1)}`;
  if (!/^(https?:\/\/|urn:)/.test(key)) return key;
  const split = Math.max(key.lastIndexOf('/'), key.lastIndexOf('#'), key.startsWith('urn:') ? key.lastIndexOf(':') : -1) + 1;
  return `{${key.slice(0, split)}}${key.slice(split)}`;
}
