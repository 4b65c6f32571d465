import type { TEpcRole } from '../types';

/**
 * An EPCIS SimpleEventQuery (EPCIS 2.0 §8.2.7.1) as the REST binding's query
 * string carries it, read into what the repository filters on. Values are
 * in stored form: bare CBV words, canonical identifier keys, UTC times. A
 * list means "any of these"; different parameters all apply.
 */
export type TEpcMatch = {
  /** The parameter (for messages) and the roles it looks at. */
  parameter: string;
  roles: readonly TEpcRole[];
  /** Exact keys, and key prefixes of EPC patterns (urn:epc:idpat:sgtin:<gtin>.*). */
  keys: string[];
  prefixes: string[];
  /** MATCH_epcClass looks at quantityList and childQuantityList only: not a TransformationEvent's input and output quantities. */
  excludeTransformations?: boolean;
};

export type TTimeRange = { from: string | null; before: string | null };

export type TOrderBy = 'ledger' | 'eventTime' | 'recordTime';

export type TEventQuery = {
  eventTypes: string[] | null;
  eventTime: TTimeRange;
  recordTime: TTimeRange;
  actions: string[] | null;
  bizSteps: string[] | null;
  dispositions: string[] | null;
  readPoints: string[] | null;
  bizLocations: string[] | null;
  matches: TEpcMatch[];
  /** Event IDs; an event's error declarations carry its ID and match too. */
  eventIds: string[] | null;
  errorDeclarationsOnly: boolean;
  /** `ledger` (no orderBy): the order events were recorded in. */
  orderBy: TOrderBy;
  orderDirection: 'ASC' | 'DESC';
  eventCountLimit: number | null;
  maxEventCount: number | null;
};

export const EMPTY_QUERY: TEventQuery = {
  eventTypes: null,
  eventTime: { from: null, before: null },
  recordTime: { from: null, before: null },
  actions: null,
  bizSteps: null,
  dispositions: null,
  readPoints: null,
  bizLocations: null,
  matches: [],
  eventIds: null,
  errorDeclarationsOnly: false,
  orderBy: 'ledger',
  orderDirection: 'ASC',
  eventCountLimit: null,
  maxEventCount: null,
};

/** The MATCH_ parameters this repository answers, and the identifier roles each looks at (lib/epcis TEpcRole). */
export const MATCH_PARAMETERS: Readonly<Record<string, Omit<TEpcMatch, 'parameter' | 'keys' | 'prefixes'>>> = {
  MATCH_epc: { roles: ['epc', 'child'] },
  MATCH_parentID: { roles: ['parent'] },
  MATCH_inputEPC: { roles: ['input'] },
  MATCH_outputEPC: { roles: ['output'] },
  MATCH_anyEPC: { roles: ['epc', 'child', 'parent', 'input', 'output'] },
  MATCH_epcClass: { roles: ['quantity'], excludeTransformations: true },
  MATCH_anyEPCClass: { roles: ['quantity'] },
};

/**
 * Standard SimpleEventQuery parameters this repository does not answer:
 * refused by name (epcis_query_parameter_unsupported), never ignored, since
 * ignoring a filter would return events the caller asked to exclude.
 */
export const UNSUPPORTED_PARAMETERS: ReadonlySet<string> = new Set([
  'EQ_persistentDisposition_set', 'EQ_persistentDisposition_unset', 'WD_readPoint', 'WD_bizLocation', 'EQ_transformationID',
  'MATCH_inputEPCClass', 'MATCH_outputEPCClass', 'EQ_quantity', 'GT_quantity', 'GE_quantity', 'LT_quantity', 'LE_quantity',
  'GE_errorDeclarationTime', 'LT_errorDeclarationTime', 'EQ_errorReason', 'EQ_correctiveEventID', 'GE_startTime', 'LT_startTime',
  'GE_endTime', 'LT_endTime', 'EQ_type', 'EQ_deviceID', 'EQ_dataProcessingMethod', 'EQ_microorganism', 'EQ_chemicalSubstance',
  'EQ_bizRules', 'EQ_stringValue', 'EQ_hexBinaryValue', 'EQ_uriValue', 'EQ_booleanValue', 'EQ_percRank', 'GT_percRank',
  'GE_percRank', 'LT_percRank', 'LE_percRank',
]);

/**
 * Families of standard parameters whose names carry a type, unit or field
 * (EQ_bizTransaction_po, EQ_source_owning_party, GT_value_KGM, EQ_INNER_ILMD_..., EXISTS_ilmd_..., ...).
 */
export const UNSUPPORTED_FAMILIES = /^(EQ|GT|GE|LT|LE|EXISTS|HASATTR|EQATTR)_./;
