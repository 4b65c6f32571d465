import { z } from 'zod';
import type { TStandardEventType } from '../types';
import { ZAction, ZContext, ZDateTime, ZIdentifier, ZTimeZoneOffset, ZUri, zUniqueArray, zVocabulary } from './fields';
import {
  ZBizTransaction,
  ZDestination,
  ZErrorDeclaration,
  ZIlmd,
  ZLocation,
  ZPersistentDisposition,
  ZQuantityElement,
  ZSensorElement,
  ZSource,
} from './parts';

/*
 * One schema per EPCIS 2.0 event type (EPCIS 2.0 §7.4), field for field as
 * in GS1's JSON Schema. Rules that span fields (which lists an event needs)
 * are in checkEventContent, key rules (which extension fields are allowed)
 * in checkKeys, so that every problem of an event is reported at once.
 */

const common = {
  '@context': ZContext.optional(),
  eventTime: ZDateTime,
  recordTime: ZDateTime.optional(),
  eventTimeZoneOffset: ZTimeZoneOffset,
  eventID: ZUri.optional(),
  certificationInfo: z.union([ZUri, z.array(ZUri)]).optional(),
  errorDeclaration: ZErrorDeclaration.optional(),
};

const why = {
  bizStep: zVocabulary('bizStep').optional(),
  disposition: zVocabulary('disposition').optional(),
  readPoint: ZLocation.optional(),
  bizLocation: ZLocation.optional(),
  bizTransactionList: z.array(ZBizTransaction).optional(),
  sourceList: z.array(ZSource).optional(),
  destinationList: z.array(ZDestination).optional(),
  sensorElementList: z.array(ZSensorElement).optional(),
};

const quantityList = z.array(ZQuantityElement).optional();

export const EVENT_SCHEMAS = {
  ObjectEvent: z.looseObject({
    ...common,
    ...why,
    type: z.literal('ObjectEvent'),
    action: ZAction,
    epcList: zUniqueArray(ZIdentifier).optional(),
    quantityList,
    persistentDisposition: ZPersistentDisposition.optional(),
    ilmd: ZIlmd.optional(),
  }),
  AggregationEvent: z.looseObject({
    ...common,
    ...why,
    type: z.literal('AggregationEvent'),
    action: ZAction,
    parentID: ZIdentifier.optional(),
    childEPCs: z.array(ZIdentifier).optional(),
    childQuantityList: quantityList,
  }),
  TransactionEvent: z.looseObject({
    ...common,
    ...why,
    type: z.literal('TransactionEvent'),
    action: ZAction,
    bizTransactionList: z.array(ZBizTransaction).min(1, { message: 'must name at least one business transaction' }),
    parentID: ZIdentifier.optional(),
    epcList: z.array(ZIdentifier).optional(),
    quantityList,
  }),
  TransformationEvent: z.looseObject({
    ...common,
    ...why,
    type: z.literal('TransformationEvent'),
    inputEPCList: zUniqueArray(ZIdentifier).optional(),
    inputQuantityList: quantityList,
    outputEPCList: zUniqueArray(ZIdentifier).optional(),
    outputQuantityList: quantityList,
    transformationID: ZUri.optional(),
    persistentDisposition: ZPersistentDisposition.optional(),
    ilmd: ZIlmd.optional(),
  }),
  AssociationEvent: z.looseObject({
    ...common,
    ...why,
    type: z.literal('AssociationEvent'),
    action: ZAction,
    parentID: ZIdentifier,
    childEPCs: z.array(ZIdentifier).optional(),
    childQuantityList: quantityList,
  }),
} as const satisfies Record<TStandardEventType, z.ZodType>;

export type TObjectEvent = z.infer<(typeof EVENT_SCHEMAS)['ObjectEvent']>;
export type TValidEvent = z.infer<(typeof EVENT_SCHEMAS)[TStandardEventType]>;

/**
 * An event of an extension type (GS1's "Extended-Event"): the fields every
 * event has, and extension fields. The standard fields of the five types
 * (epcList, bizStep, ...) mean what their type says they mean; in a type we
 * do not know they could mean anything, so they are not accepted there:
 * the sender puts such data in its own namespace.
 */
export const ZExtensionEvent = z.looseObject({ ...common, type: z.string() });

/** The top-level keys an extension event may have besides its extension fields. */
export const EXTENSION_EVENT_KEYS: ReadonlySet<string> = new Set(Object.keys(ZExtensionEvent.shape));

/** The standard top-level fields of each event type; any other key must be an extension field. */
export const STANDARD_EVENT_KEYS: Readonly<Record<TStandardEventType, ReadonlySet<string>>> = {
  ObjectEvent: new Set(Object.keys(EVENT_SCHEMAS.ObjectEvent.shape)),
  AggregationEvent: new Set(Object.keys(EVENT_SCHEMAS.AggregationEvent.shape)),
  TransactionEvent: new Set(Object.keys(EVENT_SCHEMAS.TransactionEvent.shape)),
  TransformationEvent: new Set(Object.keys(EVENT_SCHEMAS.TransformationEvent.shape)),
  AssociationEvent: new Set(Object.keys(EVENT_SCHEMAS.AssociationEvent.shape)),
};
