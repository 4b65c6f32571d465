import { readIdentifier } from '../identifiers/read-identifier';
import { arrayOf, isObject, objectOf } from '../json/shape';
import { readDateTime } from '../time/date-time';
import { isStandardEventType, type TBizTransaction, type TEpcRole, type TErrorDeclaration, type TEventAction, type TEventEpc, type TEventType, type TSourceDestination } from '../types';
import { word } from './normalise-event-document';

/*
 * The model fields of a validated event. Every function here may assume the
 * event passed validation (identifiers read, times parsed, words known).
 */

const EPC_FIELDS: readonly (readonly [string, TEpcRole])[] = [
  ['parentID', 'parent'],
  ['epcList', 'epc'],
  ['childEPCs', 'child'],
  ['inputEPCList', 'input'],
  ['outputEPCList', 'output'],
];
const QUANTITY_FIELDS = ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList'];

/** Canonical keys of every identifier the event names: by role in a fixed order, within a list in document order, each (key, role) once. */
export function eventEpcs(event: Record<string, unknown>): TEventEpc[] {
  const epcs: TEventEpc[] = [];
  const seen = new Set<string>();
  const add = (value: unknown, role: TEpcRole) => {
    if (typeof value !== 'string') return;
    const key = keyOf(value);
    if (seen.has(`${role} ${key}`)) return;
    seen.add(`${role} ${key}`);
    epcs.push({ key, role });
  };
  for (const [field, role] of EPC_FIELDS) for (const value of field === 'parentID' ? [event[field]] : arrayOf(event[field])) add(value, role);
  for (const field of QUANTITY_FIELDS) for (const element of arrayOf(event[field])) add(objectOf(element).epcClass, 'quantity');
  return epcs;
}

/** A TransformationEvent has no action; an extension event type has none we could read. */
export function eventAction(type: TEventType, event: Record<string, unknown>): TEventAction | null {
  return type === 'TransformationEvent' || !isStandardEventType(type) ? null : (event.action as TEventAction);
}

export function utcTime(value: unknown): string {
  const time = readDateTime(String(value));
  if (!time.ok) throw new RangeError('utcTime: requires a validated time');
  return time.utc;
}

/** readPoint / bizLocation: canonical key of an SGLN, the URI as sent otherwise. */
export function locationKey(location: unknown): string | null {
  return isObject(location) && typeof location.id === 'string' ? keyOf(location.id) : null;
}

export function sourcesOrDestinations(list: unknown, idKey: 'source' | 'destination'): TSourceDestination[] {
  return arrayOf(list).map((item) => {
    const element = objectOf(item);
    return { type: String(word('sourceDestinationType', element.type)), id: keyOf(String(element[idKey])) };
  });
}

export function bizTransactions(list: unknown): TBizTransaction[] {
  return arrayOf(list).map((item) => {
    const element = objectOf(item);
    return { type: element.type === undefined ? null : String(word('bizTransactionType', element.type)), id: String(element.bizTransaction) };
  });
}

export function errorDeclaration(value: unknown): TErrorDeclaration | null {
  if (!isObject(value)) return null;
  return {
    declarationTime: utcTime(value.declarationTime),
    reason: value.reason === undefined ? null : String(word('errorReason', value.reason)),
    correctiveEventIds: arrayOf(value.correctiveEventIDs).map(String),
  };
}

export function vocabularyField(value: unknown, kind: 'bizStep' | 'disposition'): string | null {
  return value === undefined ? null : String(word(kind, value));
}

function keyOf(value: string): string {
  const identifier = readIdentifier(value);
  if (!identifier.ok) throw new RangeError('keyOf: requires a validated identifier');
  return identifier.key;
}
