/**
 * The public verdicts (docs/verification.md, docs/decisions/060). Every type
 * here is plain JSON: the same objects travel in GET /api/v1/verify, render
 * the public page on the server and reach the browser, which proves the
 * journey against the ledger itself.
 */

/** One word first, in this order of precedence when several apply (docs/decisions/060). */
export const VERDICTS = ['MISMATCH', 'UNKNOWN', 'STOLEN', 'DESTROYED', 'RECALLED', 'DISPENSED', 'EXPIRED', 'AUTHENTIC'] as const;
export type TVerdictWord = (typeof VERDICTS)[number];

/** Where a lookup came from, for the counterfeit-hotspot statistics (verification_lookups.channel). */
export type TLookupChannel = 'api' | 'page' | 'lvm';

/** What the person has in hand, as read from their input, before any database is asked. */
export type TScannedFacts = {
  /** AI (10) or the typed lot. */
  lot?: string;
  /** YYYY-MM-DD from the code or a typed full date. */
  expiry?: string;
  /** YYYY-MM when only the month was typed (packs often print "EXP 03/2027"). */
  expiryMonth?: string;
};

export type TVerifyTarget =
  | { kind: 'pack'; gtin: string; serial: string; key: string; scanned: TScannedFacts }
  | { kind: 'batch'; gtin: string; lot: string; key: string; scanned: Omit<TScannedFacts, 'lot'> };

/** Input as people and apps give it: one code in any GS1 form, and/or separate fields. */
export type TVerifyInput = {
  code?: string;
  gtin?: string;
  lot?: string;
  serial?: string;
  expiry?: string;
};

export type TPublicProduct = { gtin: string; name: string; form: string; strength: string; packSize: number };
/** The manufacturer acts publicly (docs/decisions/052): its name is shown, unlike traders'. */
export type TPublicManufacturer = { name: string; country: string };
export type TPublicRecall = { reason: string; recallClass: 'I' | 'II' | 'III'; since: string; open: boolean };

/** What happened at one step of a pack's journey, from the event's public record only. */
export type TJourneyStep = {
  eventId: string;
  /** What the step means, in the custody model's words (lib/events kinds). */
  step: string;
  /**
   * The canonical key the event names for this pack: the pack itself, or the
   * case it was in ("00/<sscc>"). Null for an event about a case a trader
   * packed: its SSCC carries the trader's company prefix, so it is withheld
   * and the step is proven to be in the ledger without the identifier link.
   */
  namedKey: string | null;
  /** The case key when the event concerns the pack through a case of the manufacturer; null otherwise. */
  via: string | null;
  /** The event concerns the pack through a case or pallet it was in. */
  throughCase: boolean;
  bizStep: string | null;
  disposition: string | null;
  eventTime: string;
  eventTimeZoneOffset: string;
  recordTime: string;
  /** Role and country; a name only for manufacturers and the regulator, who act publicly. */
  actor: { role: string; country: string; name?: string };
};

export type TPackVerdict = {
  kind: 'pack';
  verdict: TVerdictWord;
  headline: string;
  advice: string;
  /** Further facts in plain words (e.g. "It also expired on 31 March 2027."). */
  notes: string[];
  gtin: string;
  serial: string;
  /** The pack's canonical key (01/<gtin>/21/<serial>): proofs must name exactly this. */
  key: string;
  scanned: TScannedFacts;
  product: TPublicProduct | null;
  manufacturer: TPublicManufacturer | null;
  /** Withheld for MISMATCH and UNKNOWN: the genuine batch's lot and expiry would help whoever printed the copy. */
  batch: { lot: string; expiry: string; recalled: boolean; expired: boolean } | null;
  recall: TPublicRecall | null;
  dispensedOn: string | null;
  /** Which printed fact disagreed (MISMATCH), never the genuine value. */
  mismatch: { lot: boolean; expiry: boolean } | null;
  /** Oldest first; empty for MISMATCH and UNKNOWN. */
  journey: TJourneyStep[];
  checkedAt: string;
};

export type TCommissioningProof = { eventId: string; eventTime: string; eventTimeZoneOffset: string; packCount: number; actor: TJourneyStep['actor'] };

export type TBatchVerdict = {
  kind: 'batch';
  verdict: Extract<TVerdictWord, 'AUTHENTIC' | 'RECALLED' | 'EXPIRED' | 'UNKNOWN' | 'MISMATCH'>;
  headline: string;
  advice: string;
  notes: string[];
  gtin: string;
  lot: string;
  /** The batch's canonical key (01/<gtin>/10/<lot>). */
  key: string;
  scanned: Omit<TScannedFacts, 'lot'>;
  product: TPublicProduct | null;
  manufacturer: TPublicManufacturer | null;
  batch: { expiry: string; manufacturedOn: string | null; status: 'ACTIVE' | 'RECALLED'; expired: boolean } | null;
  counts: { commissioned: number; dispensed: number } | null;
  recall: TPublicRecall | null;
  /** The commissioning events that brought the batch's packs into the ledger; the page proves each. */
  commissioning: TCommissioningProof[];
  checkedAt: string;
};

export type TVerdict = TPackVerdict | TBatchVerdict;
