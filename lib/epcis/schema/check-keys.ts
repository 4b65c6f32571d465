import { isResolvableExtensionKey, type TPrefixes } from '../context/prefixes';
import { isStandardEventType, type TEpcisIssueCode, type TEventType, type TStandardEventType } from '../types';
import { arrayOf, isObject } from '../json/shape';
import { compactIriPrefix } from '../uri';
import { EXTENSION_EVENT_KEYS, STANDARD_EVENT_KEYS } from './event-schemas';
import { ZSensorMetadata, ZSensorReport } from './parts';

export type TKeyProblem = { path: (string | number)[]; code: TEpcisIssueCode; detail: string };

/*
 * EPCIS 2.0 lets senders add their own fields to an event and to a few of
 * its parts (§7.3.7: readPoint, bizLocation, errorDeclaration, sensor
 * elements, ILMD), named by an IRI, in JSON-LD a compact IRI whose prefix
 * the @context declares. Every other key must be a standard field: a typo
 * such as "bizstep" would otherwise be stored as a meaningless extension
 * while the event silently lacks its business step.
 */

const PART_KEYS = {
  location: new Set(['id']),
  errorDeclaration: new Set(['declarationTime', 'reason', 'correctiveEventIDs']),
  sensorElement: new Set(['sensorMetadata', 'sensorReport']),
  sensorMetadata: new Set(Object.keys(ZSensorMetadata.shape)),
  sensorReport: new Set(Object.keys(ZSensorReport.shape)),
  ilmd: new Set<string>(),
} as const;

export function checkKeys(type: TEventType, event: Record<string, unknown>, prefixes: TPrefixes): TKeyProblem[] {
  const problems: TKeyProblem[] = [];
  const check = (value: unknown, allowed: ReadonlySet<string>, path: (string | number)[], owner: string) => {
    if (!isObject(value)) return;
    for (const [key, child] of Object.entries(value)) {
      if (child !== undefined && !allowed.has(key)) {
        const problem = keyProblem(key, prefixes, owner, path.length === 0 ? type : null);
        if (problem) problems.push({ ...problem, path: [...path, key] });
      }
    }
  };
  if (isStandardEventType(type)) check(event, STANDARD_EVENT_KEYS[type], [], `an ${type}`.replace(/^an (?=[^AEIOU])/, 'a '));
  else check(event, EXTENSION_EVENT_KEYS, [], 'an event of an extension type');
  check(event.readPoint, PART_KEYS.location, ['readPoint'], 'readPoint');
  check(event.bizLocation, PART_KEYS.location, ['bizLocation'], 'bizLocation');
  check(event.errorDeclaration, PART_KEYS.errorDeclaration, ['errorDeclaration'], 'errorDeclaration');
  check(event.ilmd, PART_KEYS.ilmd, ['ilmd'], 'ilmd');
  arrayOf(event.sensorElementList).forEach((element, i) => {
    const path = ['sensorElementList', i];
    check(element, PART_KEYS.sensorElement, path, 'a sensor element');
    if (!isObject(element)) return;
    check(element.sensorMetadata, PART_KEYS.sensorMetadata, [...path, 'sensorMetadata'], 'sensorMetadata');
    arrayOf(element.sensorReport).forEach((report, j) => check(report, PART_KEYS.sensorReport, [...path, 'sensorReport', j], 'a sensor report'));
  });
  return problems;
}

/** `eventType` is set for keys at the top of the event, where a field of another event type is a likely mistake. */
function keyProblem(key: string, prefixes: TPrefixes, owner: string, eventType: TEventType | null): Omit<TKeyProblem, 'path'> | null {
  if (isResolvableExtensionKey(key, prefixes)) return null;
  const prefix = compactIriPrefix(key);
  if (prefix !== null && !key.startsWith(`${prefix}://`)) {
    return {
      code: 'undeclared_prefix',
      detail: `is an extension field whose prefix '${prefix}' the @context does not declare; add e.g. {"${prefix}": "https://example.com/${prefix}/"} to the document's @context`,
    };
  }
  return { code: 'unknown_field', detail: `is not a field of ${owner}${hintFor(key, eventType)}` };
}

function hintFor(key: string, eventType: TEventType | null): string {
  const elsewhere = eventType === null ? null : otherTypeWith(key, eventType);
  if (elsewhere === null) return '; extension fields need a declared prefix, e.g. "example:myField"';
  if (isStandardEventType(eventType as TEventType)) return ` (it is a field of ${elsewhere})`;
  return ` (it is a field of ${elsewhere}; an extension event type carries its data in extension fields, e.g. "example:${key}")`;
}

function otherTypeWith(key: string, type: TEventType): string | null {
  const other = (Object.keys(STANDARD_EVENT_KEYS) as TStandardEventType[]).find((t) => t !== type && STANDARD_EVENT_KEYS[t].has(key));
  return other ?? null;
}
