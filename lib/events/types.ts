import type { TEventInput } from '@/lib/epcis';
import type { TRecallRef } from './build/ledger-records';
import type { TDocumentJcs } from './build/record-jcs';

/**
 * What an event does to custody, whatever door it came through. The scan API
 * names it directly; an EPCIS event is classified by classifyEvent()
 * (lib/events/kinds.ts), the one place that maps EPCIS to these kinds.
 */
export const EVENT_KINDS = [
  'commission',
  'pack',
  'unpack',
  'ship',
  'return',
  'receive',
  'dispense',
  'restock',
  'destroy',
  'recall',
  'stolen',
  'expire',
  'observe',
  'declaration',
] as const;
export type TEventKind = (typeof EVENT_KINDS)[number];

/** The kinds the simple scan API accepts (observe and declaration arrive only through EPCIS). */
export const SCAN_KINDS = ['commission', 'pack', 'unpack', 'ship', 'return', 'receive', 'dispense', 'restock', 'destroy', 'recall', 'stolen', 'expire'] as const;
export type TScanKind = (typeof SCAN_KINDS)[number];

/** Lot and expiry a scanned code carried for a pack (checked against its batch). */
export type TBatchFacts = { lot?: string; expiry?: string };

/**
 * One event on its way into the ledger: the EPCIS model, its kind, and the
 * batch facts its scanned codes carried, keyed by pack key. `facts` is
 * undefined for EPCIS input, whose Digital Links are read for them instead.
 */
export type TCaptureEvent = {
  input: TEventInput;
  kind: TEventKind;
  facts?: ReadonlyMap<string, TBatchFacts>;
  /**
   * The packs it commissions were just drawn at random (generateSerials) and
   * are not looked up first: the (gtin, serial) primary key refuses a
   * collision (about 1e-6 per 100,000-pack run), which then surfaces as
   * already_commissioned for the caller to draw again.
   */
  fresh?: boolean;
  /** The document in JCS form, when the scan API built it (buildScanCaptureEvent): saves canonicalising it again. */
  documentJcs?: TDocumentJcs;
  /** A recall event's class and reason (lib/recalls), written into its public record. */
  recall?: TRecallRef;
};

export type TPackStatus = 'ACTIVE' | 'DISPENSED' | 'RECALLED' | 'STOLEN' | 'EXPIRED' | 'DESTROYED';
export type TContainerStatus = 'ACTIVE' | 'UNPACKED' | 'DESTROYED';

/** The batch a pack belongs to, as the rules need it. */
export type TBatchState = {
  id: string;
  gtin: string;
  lot: string;
  /** YYYY-MM-DD */
  expiry: string;
  recalled: boolean;
  ownerOrgId: string;
};

/** A pack's current state (a row of `packs`), mutated in memory while a request's events are applied. */
export type TPackState = {
  key: string;
  gtin: string;
  serial: string;
  batch: TBatchState;
  status: TPackStatus;
  custodianOrgId: string | null;
  inTransitToId: string | null;
  containerSscc: string | null;
  dispensedAt: string | null;
  dispensedById: string | null;
  /**
   * packs.recall_id: the recall naming this pack, if any. A recall leaves a
   * dispensed pack's status alone, so this is how an undo of its dispensing
   * learns that it was recalled meanwhile. Undefined for packs created by this request.
   */
  recallId?: string | null;
  /** Event time of the commissioning, for packs created by this request. */
  commissionedAt?: string;
  /** 'new' rows are inserted, 'changed' rows updated, 'loaded' rows left alone. */
  change: 'loaded' | 'changed' | 'new';
};

/** A case or pallet (a row of `containers`). */
export type TContainerState = {
  key: string;
  sscc: string;
  ownerOrgId: string;
  custodianOrgId: string | null;
  inTransitToId: string | null;
  parentSscc: string | null;
  status: TContainerStatus;
  change: 'loaded' | 'changed' | 'new';
};

/** An organisation as events need it (actor of the public record, recorder of the private one). */
export type TOrgRef = { id: string; name: string; role: 'MANUFACTURER' | 'DISTRIBUTOR' | 'PHARMACY' | 'REGULATOR'; gln: string; country: string };

/** How one event of a request was answered. */
export type TRecordedEvent = {
  index: number;
  /** The stored event ID: the CBV hash ID, or the derived ID of an error declaration. */
  eventId: string;
  /** Database id (decimal string): the order of the ledger. */
  id: string;
  /** ISO-8601 UTC with milliseconds. */
  recordTime: string;
  kind: TEventKind;
  /** True when this exact event was already recorded (a retry): nothing was changed again. */
  duplicate: boolean;
  /** Alerts raised for it (anomalies that are recorded rather than refused). */
  alerts: string[];
};

export type TRecordResult = { events: TRecordedEvent[]; recorded: number; duplicates: number };

/** Stages reported to a progress callback (large commissioning runs). */
export type TProgress = { stage: 'preparing' | 'checking' | 'writing' | 'done'; fraction: number };
export type TProgressCallback = (progress: TProgress) => void;
