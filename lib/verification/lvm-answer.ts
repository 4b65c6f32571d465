import type { TPackDecision } from './decide-verdict';

/**
 * The answer of the GS1 Lightweight Messaging Standard for Verification of
 * Product Identifiers (LVM) for a verdict: verified, or not with the
 * standard's verificationFailureReason and, for a pack that exists but must
 * not return to saleable stock, additionalInfo saying why. The mapping is
 * the table of docs/decisions/063.
 */
export type TLvmResponse = {
  verificationTimestamp: string;
  /** The GLN of the manufacturer on whose behalf the platform answers; absent for a GTIN nobody registered. */
  responderGLN?: string;
  data: { verified: boolean; verificationFailureReason?: TLvmFailureReason; additionalInfo?: TLvmAdditionalInfo };
  corrUUID: string;
};

export type TLvmFailureReason = 'No_match_GTIN_Serial' | 'No_match_GTIN_Serial_Lot' | 'No_match_GTIN_Serial_Expiry' | 'No_match_GTIN_Serial_Lot_Expiry' | 'Not_for_re-distribution';
export type TLvmAdditionalInfo = 'Recalled' | 'Expired' | 'Suspect' | 'Illegitimate';

export function lvmData(decision: Pick<TPackDecision, 'verdict' | 'mismatch'>): TLvmResponse['data'] {
  const notForRedistribution = (additionalInfo: TLvmAdditionalInfo) => ({ verified: false, verificationFailureReason: 'Not_for_re-distribution' as const, additionalInfo });
  switch (decision.verdict) {
    case 'AUTHENTIC':
      return { verified: true };
    case 'UNKNOWN':
      return { verified: false, verificationFailureReason: 'No_match_GTIN_Serial' };
    case 'MISMATCH': {
      const { lot, expiry } = decision.mismatch ?? { lot: true, expiry: true };
      return { verified: false, verificationFailureReason: lot && expiry ? 'No_match_GTIN_Serial_Lot_Expiry' : lot ? 'No_match_GTIN_Serial_Lot' : 'No_match_GTIN_Serial_Expiry' };
    }
    case 'RECALLED':
      return notForRedistribution('Recalled');
    case 'EXPIRED':
      return notForRedistribution('Expired');
    case 'DISPENSED':
      return notForRedistribution('Suspect');
    case 'STOLEN':
    case 'DESTROYED':
      return notForRedistribution('Illegitimate');
  }
}
