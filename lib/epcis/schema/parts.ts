import { z } from 'zod';
import { ZDateTime, ZHexBinary, ZIdentifier, ZUom, ZUri, zUniqueArray, zVocabulary } from './fields';

/*
 * The structured parts of EPCIS 2.0 events (EPCIS 2.0 §7.3), mirroring GS1's
 * JSON Schema. Objects that are extension points (readPoint, bizLocation,
 * errorDeclaration, sensor elements) keep unknown keys here; checkKeys
 * decides which of those are acceptable extension fields. Objects that are
 * not extension points are strict, as in GS1's schema.
 */

export const ZQuantityElement = z
  .strictObject({
    epcClass: ZIdentifier,
    quantity: z.number().nonnegative({ message: 'must not be negative' }).optional(),
    uom: ZUom.optional(),
  })
  .superRefine((element, ctx) => {
    if (element.uom === undefined && element.quantity !== undefined && !Number.isInteger(element.quantity)) {
      ctx.addIssue({ code: 'custom', message: `is ${element.quantity} without a uom; a count of instances must be a whole number`, params: { reason: 'invalid_value' }, path: ['quantity'], input: element.quantity });
    }
  });

export const ZLocation = z.looseObject({ id: ZIdentifier });

export const ZBizTransaction = z.strictObject({
  type: zVocabulary('bizTransactionType').optional(),
  bizTransaction: ZUri,
});

export const ZSource = z.strictObject({ type: zVocabulary('sourceDestinationType'), source: ZIdentifier });

export const ZDestination = z.strictObject({ type: zVocabulary('sourceDestinationType'), destination: ZIdentifier });

const ZDispositionSet = zUniqueArray(zVocabulary('disposition')).min(1, { message: 'must not be empty' });

export const ZPersistentDisposition = z
  .strictObject({ set: ZDispositionSet.optional(), unset: ZDispositionSet.optional() })
  .refine((value) => value.set !== undefined || value.unset !== undefined, { message: 'needs set or unset', params: { reason: 'missing' } });

export const ZErrorDeclaration = z.looseObject({
  declarationTime: ZDateTime,
  reason: zVocabulary('errorReason').optional(),
  correctiveEventIDs: z.array(ZUri).optional(),
});

export const ZSensorMetadata = z.looseObject({
  time: ZDateTime.optional(),
  deviceID: ZUri.optional(),
  deviceMetadata: ZUri.optional(),
  rawData: ZUri.optional(),
  startTime: ZDateTime.optional(),
  endTime: ZDateTime.optional(),
  dataProcessingMethod: ZUri.optional(),
  bizRules: ZUri.optional(),
});

export const ZSensorReport = z.looseObject({
  type: zVocabulary('measurementType'),
  exception: zVocabulary('sensorAlertType').optional(),
  deviceID: ZUri.optional(),
  deviceMetadata: ZUri.optional(),
  rawData: ZUri.optional(),
  dataProcessingMethod: ZUri.optional(),
  bizRules: ZUri.optional(),
  time: ZDateTime.optional(),
  microorganism: ZUri.optional(),
  chemicalSubstance: ZUri.optional(),
  coordinateReferenceSystem: ZUri.optional(),
  value: z.number().optional(),
  component: zVocabulary('component').optional(),
  stringValue: z.string().optional(),
  booleanValue: z.boolean().optional(),
  hexBinaryValue: ZHexBinary.optional(),
  uriValue: ZUri.optional(),
  minValue: z.number().optional(),
  maxValue: z.number().optional(),
  meanValue: z.number().optional(),
  sDev: z.number().optional(),
  percRank: z.number().optional(),
  percValue: z.number().optional(),
  uom: z.string().optional(),
});

export const ZSensorElement = z.looseObject({
  sensorMetadata: ZSensorMetadata.optional(),
  sensorReport: z.array(ZSensorReport).min(1, { message: 'must have at least one sensor report' }),
});

/** ILMD: instance/lot master data, any namespaced fields; cbvmda:itemExpirationDate must be a real date. */
export const ZIlmd = z.record(z.string(), z.unknown());
