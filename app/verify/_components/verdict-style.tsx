import type { TVerdictWord } from '@/lib/verification/types';

/**
 * How each verdict looks: a colour and an icon, always with the word, so
 * the answer does not depend on seeing colour. Text colours keep a 7:1
 * contrast on their backgrounds.
 */
type TTone = 'good' | 'caution' | 'danger';

export const VERDICT_TONE: Record<TVerdictWord, TTone> = {
  AUTHENTIC: 'good',
  DISPENSED: 'caution',
  EXPIRED: 'caution',
  RECALLED: 'danger',
  STOLEN: 'danger',
  DESTROYED: 'danger',
  MISMATCH: 'danger',
  UNKNOWN: 'danger',
};

export const TONE_CLASSES: Record<TTone, { panel: string; word: string; icon: string }> = {
  good: { panel: 'border-green-700 bg-green-50', word: 'text-green-900', icon: 'text-green-700' },
  caution: { panel: 'border-amber-600 bg-amber-50', word: 'text-amber-900', icon: 'text-amber-700' },
  danger: { panel: 'border-red-700 bg-red-50', word: 'text-red-900', icon: 'text-red-700' },
};

/** A tick, an exclamation mark or a cross in a circle; decorative (the word beside it carries the meaning). */
export function ToneIcon({ tone, className }: { tone: TTone; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className={className} fill="none" stroke="currentColor" strokeWidth={2.5} strokeLinecap="round" strokeLinejoin="round">
      <circle cx="12" cy="12" r="10" />
      {tone === 'good' ? <path d="M7 12.5l3.2 3.2L17 9" /> : null}
      {tone === 'caution' ? <path d="M12 7v6M12 16.5v.5" /> : null}
      {tone === 'danger' ? <path d="M8.5 8.5l7 7M15.5 8.5l-7 7" /> : null}
    </svg>
  );
}
