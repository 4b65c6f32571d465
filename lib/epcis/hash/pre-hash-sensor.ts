import type { TPrefixes } from '../context/prefixes';
import { arrayOf, objectOf } from '../json/shape';
import { field, hashIri, hashText, hashTime, hashVocabulary, scalarText, sortedJoin } from './hash-values';

type TFieldKind = 'time' | 'iri' | 'number' | 'text' | 'measurementType' | 'sensorAlertType' | 'component';

/** sensorMetadata fields in the canonical property order (CBV 2.0 §8.9.2, row 23). */
export const SENSOR_METADATA_ORDER: readonly (readonly [string, TFieldKind])[] = [
  ['time', 'time'],
  ['startTime', 'time'],
  ['endTime', 'time'],
  ['deviceID', 'iri'],
  ['deviceMetadata', 'iri'],
  ['rawData', 'iri'],
  ['dataProcessingMethod', 'iri'],
  ['bizRules', 'iri'],
];

/** sensorReport fields in the canonical property order. bizRules is not in it and is hashed as an extension of the report. */
export const SENSOR_REPORT_ORDER: readonly (readonly [string, TFieldKind])[] = [
  ['type', 'measurementType'],
  ['exception', 'sensorAlertType'],
  ['deviceID', 'iri'],
  ['deviceMetadata', 'iri'],
  ['rawData', 'iri'],
  ['dataProcessingMethod', 'iri'],
  ['time', 'time'],
  ['microorganism', 'iri'],
  ['chemicalSubstance', 'iri'],
  ['value', 'number'],
  ['component', 'component'],
  ['stringValue', 'text'],
  ['booleanValue', 'number'],
  ['hexBinaryValue', 'text'],
  ['uriValue', 'iri'],
  ['minValue', 'number'],
  ['maxValue', 'number'],
  ['meanValue', 'number'],
  ['sDev', 'number'],
  ['percRank', 'number'],
  ['percValue', 'number'],
  ['uom', 'text'],
  ['coordinateReferenceSystem', 'iri'],
];

/**
 * The sensor part: for each element "sensorElement" + its sensorMetadata
 * fields + its sorted "sensorReport" strings, elements sorted (rule 12).
 * CBV 2.0 writes no "sensorElementList" name before them (CBV 2.1 does).
 */
export function sensorElementsPart(list: unknown, prefixes: TPrefixes): string {
  return sortedJoin(
    arrayOf(list).map((item) => {
      const element = objectOf(item);
      const metadata = orderedFields(objectOf(element.sensorMetadata), SENSOR_METADATA_ORDER, prefixes);
      const reports = sortedJoin(
        arrayOf(element.sensorReport).map((report) => {
          const fields = orderedFields(objectOf(report), SENSOR_REPORT_ORDER, prefixes);
          return fields === '' ? '' : `sensorReport${fields}`;
        }),
      );
      const body = (metadata === '' ? '' : `sensorMetadata${metadata}`) + reports;
      return body === '' ? '' : `sensorElement${body}`;
    }),
  );
}

function orderedFields(part: Record<string, unknown>, order: readonly (readonly [string, TFieldKind])[], prefixes: TPrefixes): string {
  return order.map(([name, kind]) => field(name, fieldValue(kind, part[name], prefixes))).join('');
}

function fieldValue(kind: TFieldKind, value: unknown, prefixes: TPrefixes): string | undefined {
  if (kind === 'time') return hashTime(value);
  if (kind === 'iri') return hashIri(value, prefixes);
  if (kind === 'number') return scalarText(value);
  if (kind === 'text') return hashText(value);
  return hashVocabulary(kind, value, prefixes);
}
