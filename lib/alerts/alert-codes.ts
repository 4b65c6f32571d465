/**
 * Every alert code the platform raises, with its usual severity and what it
 * means for the people who look into it (docs/alerts.md lists the same, with
 * who sees each). Codes are part of the API: inboxes filter on them and
 * receivers of webhooks switch on them. Never rename one; add a new one.
 */
export type TAlertSeverity = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

export const ALERT_SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const satisfies readonly TAlertSeverity[];

export type TAlertCodeInfo = { severity: TAlertSeverity; title: string; raisedBy: string };

export const ALERT_CODES = {
  unknown_serial: { severity: 'HIGH', title: 'Unknown serial scanned', raisedBy: 'a scan of a pack that was never commissioned (refused)' },
  already_dispensed: { severity: 'HIGH', title: 'Dispensed pack scanned again (possible copy)', raisedBy: 'any scan of a pack already dispensed (refused)' },
  pack_destroyed: { severity: 'HIGH', title: 'Destroyed pack scanned again', raisedBy: 'any scan of a destroyed pack (refused)' },
  pack_stolen: { severity: 'CRITICAL', title: 'Stolen pack scanned', raisedBy: 'any scan of a pack reported stolen (refused)' },
  pack_recalled: { severity: 'HIGH', title: 'Dispensing attempt of a recalled pack', raisedBy: 'dispensing a recalled pack (refused)' },
  pack_expired: { severity: 'MEDIUM', title: 'Dispensing attempt of an expired pack', raisedBy: 'dispensing an expired pack (refused)' },
  batch_mismatch: { severity: 'HIGH', title: 'Lot or expiry does not match the batch', raisedBy: 'a scanned code whose lot or expiry is not the batch’s (refused)' },
  two_custodians: { severity: 'MEDIUM', title: 'Same serial seen at two custodians', raisedBy: 'a scan by an organisation that does not hold the pack while another does, or a receipt of goods shipped to someone else (refused; HIGH when dispensing)' },
  receipt_without_shipment: { severity: 'MEDIUM', title: 'Receipt without a matching shipment', raisedBy: 'a receipt of goods never shipped to the receiver (recorded)' },
  shipment_not_received: { severity: 'MEDIUM', title: 'Shipment never received', raisedBy: 'the periodic check, when goods are still in transit days after shipping' },
  error_declared: { severity: 'MEDIUM', title: 'Event declared erroneous', raisedBy: 'an EPCIS error declaration (recorded)' },
  theft_reported: { severity: 'HIGH', title: 'Theft reported', raisedBy: 'a stolen report by the holder (recorded)' },
  recall_opened: { severity: 'HIGH', title: 'Your batch was recalled', raisedBy: 'a recall of a batch by someone other than its manufacturer (the regulator); CRITICAL for class I' },
  recall_stock_held: { severity: 'HIGH', title: 'You hold recalled stock', raisedBy: 'a recall, one alert per organisation holding or receiving affected packs (CRITICAL for class I)' },
  falsification_confirmed: { severity: 'CRITICAL', title: 'Falsification confirmed', raisedBy: 'closing an alert with the resolution "confirmed falsification"' },
} as const satisfies Record<string, TAlertCodeInfo>;

export type TAlertCode = keyof typeof ALERT_CODES;

export const ALERT_CODE_LIST = Object.keys(ALERT_CODES) as TAlertCode[];

/** The title of a code, or the code itself for one raised by a newer version than this one. */
export function alertTitle(code: string): string {
  return (ALERT_CODES as Record<string, TAlertCodeInfo>)[code]?.title ?? code;
}
