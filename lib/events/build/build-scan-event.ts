import type { TEventInput, TEventEpc } from '@/lib/epcis';
import { SCAN_KIND_SHAPES } from '../kinds';
import type { TBatchFacts, TCaptureEvent, TScanKind } from '../types';
import { hashIdOf, scanPreHashString, type TPreHashParts } from './pre-hash';
import type { TDocumentJcs } from './record-jcs';
import { documentJcsOf } from './scan-document-jcs';
import { documentOf, ilmdDocument } from './scan-document';

/**
 * One scan, resolved to canonical keys (lib/gs1 epcKey form): what the scan
 * API and the commissioning service hand to buildScanEvent.
 */
export type TScanSpec = {
  kind: TScanKind;
  /** Packs and cases the event names: epcList, or childEPCs for pack/unpack. */
  epcs: readonly string[];
  /** The case or pallet (00/<sscc>) of pack/unpack. */
  parent?: string;
  /** Whole batches (01/<gtin>/10/<lot>) named as classes: a recall of every pack of a batch. */
  classes?: readonly string[];
  /** ISO-8601 UTC with milliseconds. */
  eventTime: string;
  /** ±hh:mm */
  eventTimeZoneOffset: string;
  /** GLN (13 digits) of the recording organisation: readPoint, and the source of a shipment. */
  recorderGln: string;
  /** GLN of the destination organisation (ship, return) or of the sender (receive, optional). */
  partnerGln?: string;
  /** Business documents: type is a CBV word (po, desadv, inv, ...), id the document number. */
  bizTransactions?: readonly { type: string; id: string }[];
  /** Lot and expiry of the batch being commissioned. */
  ilmd?: { lot: string; expiry?: string };
};

/**
 * The EPCIS 2.0 event of a scan, as TEventInput: exactly what
 * parseEpcisEvent(document) returns for its document (property-tested), built
 * without validating and re-reading what we wrote ourselves. Identifiers
 * are canonical Digital Links, so the stored document, the hash and the
 * keys all spell each pack the same way.
 *
 * requires: keys are canonical lib/gs1 keys; GLNs are valid; bizTransaction
 * ids and the lot match their schemas (lib/events/schemas.ts).
 */
export function buildScanEvent(spec: TScanSpec): TEventInput {
  return buildScanCaptureEvent(spec).input;
}

/**
 * The same, as the events service records it: with its kind, the batch
 * facts its codes carried, and its document already in JCS form.
 */
export function buildScanCaptureEvent(spec: TScanSpec, facts: ReadonlyMap<string, TBatchFacts> = NO_FACTS): TCaptureEvent & { documentJcs: TDocumentJcs } {
  const parts = partsOf(spec);
  const hashId = hashIdOf(scanPreHashString(parts));
  return { input: inputOf(parts, hashId), kind: spec.kind, facts, documentJcs: documentJcsOf(parts, hashId) };
}

const NO_FACTS: ReadonlyMap<string, TBatchFacts> = new Map();

const party = (gln: string | undefined): string[] => (gln === undefined ? [] : [`417/${gln}`]);

function partsOf(spec: TScanSpec): TPreHashParts {
  const shape = SCAN_KIND_SHAPES[spec.kind];
  const aggregation = shape.type === 'AggregationEvent';
  const outbound = spec.kind === 'ship' || spec.kind === 'return';
  return {
    type: shape.type,
    eventTime: spec.eventTime,
    eventTimeZoneOffset: spec.eventTimeZoneOffset,
    epcList: aggregation ? [] : spec.epcs,
    parentID: aggregation ? (spec.parent ?? null) : null,
    childEPCs: aggregation ? spec.epcs : [],
    quantityClasses: spec.classes ?? [],
    action: shape.action,
    bizStep: shape.bizStep,
    disposition: shape.disposition,
    readPoint: `414/${spec.recorderGln}`,
    bizTransactions: (spec.bizTransactions ?? []).map((t) => ({ type: t.type, uri: bizTransactionUri(spec.recorderGln, t.id) })),
    sources: outbound ? party(spec.recorderGln) : spec.kind === 'receive' ? party(spec.partnerGln) : [],
    destinations: outbound ? party(spec.partnerGln) : spec.kind === 'receive' ? party(spec.recorderGln) : [],
    ilmd: spec.kind === 'commission' && spec.ilmd ? spec.ilmd : null,
  };
}

function inputOf(parts: TPreHashParts, hashId: string): TEventInput {
  let document: Record<string, unknown> | undefined;
  return {
    type: parts.type as TEventInput['type'],
    action: parts.action as TEventInput['action'],
    bizStep: parts.bizStep,
    disposition: parts.disposition,
    eventTime: parts.eventTime,
    eventTimeZoneOffset: parts.eventTimeZoneOffset,
    epcs: modelEpcs(parts),
    readPoint: parts.readPoint,
    bizLocation: null,
    sources: parts.sources.map((id) => ({ type: 'owning_party', id })),
    destinations: parts.destinations.map((id) => ({ type: 'owning_party', id })),
    bizTransactions: parts.bizTransactions.map((t) => ({ type: t.type, id: t.uri })),
    ilmd: parts.ilmd ? ilmdModel(parts.ilmd) : null,
    errorDeclaration: null,
    hashId,
    declaredEventId: null,
    // Built on first use: the events service records scans from documentJcs and never reads it.
    get document() {
      return (document ??= documentOf(parts, hashId));
    },
  };
}

/**
 * CBV 2.0 §8.5 business transaction URI: urn:epcglobal:cbv:bt:<GLN of the
 * party that issued the document>:<document number>.
 */
export function bizTransactionUri(gln: string, id: string): string {
  return `urn:epcglobal:cbv:bt:${gln}:${id}`;
}

/** As lib/epcis lists them: parent, epc, child, then quantity classes; each (key, role) once. */
function modelEpcs(p: TPreHashParts): TEventEpc[] {
  if (p.parentID === null && p.childEPCs.length === 0 && p.quantityClasses.length === 0 && p.epcList.length === 1) return [{ key: p.epcList[0] as string, role: 'epc' }];
  const epcs: TEventEpc[] = [];
  const seen = new Set<string>();
  const add = (key: string, role: TEventEpc['role']) => {
    const id = `${role} ${key}`;
    if (seen.has(id)) return;
    seen.add(id);
    epcs.push({ key, role });
  };
  if (p.parentID !== null) add(p.parentID, 'parent');
  for (const key of p.epcList) add(key, 'epc');
  for (const key of p.childEPCs) add(key, 'child');
  for (const key of p.quantityClasses) add(key, 'quantity');
  return epcs;
}

function ilmdModel(ilmd: { lot: string; expiry?: string }): TEventInput['ilmd'] {
  const document = ilmdDocument(ilmd);
  return { ...document, lot: ilmd.lot, ...(ilmd.expiry === undefined ? {} : { expiry: ilmd.expiry }) };
}

