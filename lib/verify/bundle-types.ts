import type { TAnchor } from './anchor-hash';

/**
 * Proof bundle, format version 1: everything a reader needs to check, with
 * no server in between, that an event is in the ledger. Documented field by
 * field in docs/ledger/proof-bundle.md. Hashes are lowercase hex.
 */
export type TEventRecord = {
  eventId: string;
  eventTime: string;
  /** RFC 6962 tree over UTF-8 of the identifier keys the event names, sorted by UTF-16 code units. */
  epcs: { count: number; root: string };
  [field: string]: unknown;
};

/** Inclusion of the leaf `index` in a tree of `treeSize` leaves. */
export type TInclusionPath = { path: string[] };

export type TProofBundle = {
  version: 1;
  event: TEventRecord;
  /** Proves that the event names this pack or case; null for an event-level proof. */
  epc: null | ({ key: string; index: number } & TInclusionPath);
  /** Inclusion of the event leaf in the period tree (root = anchor.root). */
  period: { leafIndex: number; treeSize: number } & TInclusionPath;
  anchor: TAnchor;
  /** Inclusion of H(0x00 || anchor hash) in the anchor log (root = the checkpoint's). */
  anchorLog: { index: number; treeSize: number } & TInclusionPath;
  /** C2SP signed note: tlog-checkpoint of the anchor log. */
  checkpoint: string;
  logKey: { name: string; publicKey: string; verifierKey: string };
};

export type TBundleCheckId =
  | 'format'
  | 'event-leaf'
  | 'epc-inclusion'
  | 'period-inclusion'
  | 'anchor-hash'
  | 'anchor-log-inclusion'
  | 'checkpoint-root'
  | 'checkpoint-signature'
  | 'key-trust';

/**
 * One link of the proof. `label` is a plain-English sentence for the public
 * page; `expected` and `computed` show the two values that disagreed.
 */
export type TCheck<Id extends string = TBundleCheckId> = {
  id: Id;
  ok: boolean;
  label: string;
  expected?: string;
  computed?: string;
  detail?: string;
};

export type TVerifyResult = { ok: boolean; checks: TCheck[] };

export type TVerifyOptions = {
  /**
   * The log's verifier key as this reader knows it independently (for the
   * public page: built into the page). Without it the 'key-trust' check
   * fails: a bundle can always be signed by a key its author made up.
   */
  trustedVerifierKey?: string;
};
