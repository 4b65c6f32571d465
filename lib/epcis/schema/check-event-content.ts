import type { TStandardEventType } from '../types';

export type TContentProblem = { path: (string | number)[]; detail: string };

/*
 * What each event type must say, beyond field formats (EPCIS 2.0 §7.4, as
 * GS1's JSON Schema encodes it). Works on the raw event so it can report
 * alongside field errors; it only looks at presence, list lengths and action.
 */

const present = (event: Record<string, unknown>, key: string) => event[key] !== undefined;
const nonEmpty = (event: Record<string, unknown>, key: string) => Array.isArray(event[key]) && (event[key] as unknown[]).length > 0;

const RULES: Record<TStandardEventType, (event: Record<string, unknown>) => TContentProblem[]> = {
  ObjectEvent: (event) => {
    const problems: TContentProblem[] = [];
    const sensorOnly = nonEmpty(event, 'sensorElementList') && present(event, 'readPoint');
    if (!present(event, 'epcList') && !nonEmpty(event, 'quantityList') && !sensorOnly) {
      problems.push({ path: [], detail: 'names no objects: an ObjectEvent needs epcList or quantityList (or sensorElementList with a readPoint)' });
    }
    if (present(event, 'ilmd') && event.action !== 'ADD') {
      problems.push({ path: ['ilmd'], detail: `is only allowed when action is ADD (here ${String(event.action)}): ILMD describes objects as they are created` });
    }
    return problems;
  },
  AggregationEvent: (event) => childrenRule(event, 'an AggregationEvent'),
  AssociationEvent: (event) => childrenRule(event, 'an AssociationEvent'),
  TransactionEvent: (event) =>
    present(event, 'epcList') || nonEmpty(event, 'quantityList') || event.action === 'DELETE'
      ? []
      : [{ path: [], detail: 'names no objects: a TransactionEvent needs epcList or quantityList unless action is DELETE' }],
  TransformationEvent: (event) => {
    const inputs = nonEmpty(event, 'inputEPCList') || nonEmpty(event, 'inputQuantityList');
    const outputs = nonEmpty(event, 'outputEPCList') || nonEmpty(event, 'outputQuantityList');
    if (inputs && outputs) return [];
    if ((inputs || outputs) && present(event, 'transformationID')) return [];
    return [{ path: [], detail: 'needs inputs (inputEPCList or inputQuantityList) and outputs (outputEPCList or outputQuantityList), or one of them with a transformationID' }];
  },
};

function childrenRule(event: Record<string, unknown>, what: string): TContentProblem[] {
  if (nonEmpty(event, 'childEPCs') || nonEmpty(event, 'childQuantityList') || event.action === 'DELETE') return [];
  return [{ path: [], detail: `names no children: ${what} needs childEPCs or childQuantityList unless action is DELETE` }];
}

export function checkEventContent(type: TStandardEventType, event: Record<string, unknown>): TContentProblem[] {
  return RULES[type](event);
}
