'use client';

import { TONE_CLASSES, ToneIcon } from '@/app/verify/_components/verdict-style';
import type { TCounterPack } from '@/lib/verification/counter-pack';
import { formatDay } from '@/lib/verification/verdict-words';
import type { TCounterOutcome } from './counter-api';

type TTone = 'good' | 'caution' | 'danger';

/** The word and colour a pharmacist sees across the counter; the word and icon alone carry the meaning (colour-blind readers). */
export function outcomeLook(outcome: TCounterOutcome): { tone: TTone; word: string; message: string; pack?: TCounterPack } {
  switch (outcome.kind) {
    case 'dispensed':
      return { tone: 'good', word: 'DISPENSED', message: outcome.answer.message, pack: outcome.answer.pack };
    case 'restored':
      return { tone: 'good', word: 'UNDONE', message: outcome.answer.message, pack: outcome.answer.pack };
    case 'checked': {
      const { answer } = outcome;
      if (answer.dispensable) return { tone: 'good', word: 'OK TO DISPENSE', message: answer.message, pack: answer.pack };
      const stock = answer.reason === 'not_custodian' || answer.reason === 'in_transit';
      return { tone: stock ? 'caution' : 'danger', word: stock ? 'NOT IN YOUR STOCK' : 'DO NOT DISPENSE', message: answer.message, pack: answer.pack };
    }
    case 'refused': {
      const stock = outcome.code === 'not_custodian' || outcome.code === 'in_transit' || outcome.code === 'not_dispensed';
      const unreadable = outcome.code.startsWith('gs1_') || outcome.code.startsWith('verify_') || outcome.code === 'not_a_pack' || outcome.code === 'validation_failed';
      if (unreadable) return { tone: 'caution', word: 'NOT READ', message: outcome.message };
      if (outcome.code === 'undo_not_allowed' || outcome.code === 'not_dispensed') return { tone: 'caution', word: 'CANNOT UNDO', message: outcome.message, pack: outcome.pack };
      return { tone: stock ? 'caution' : 'danger', word: stock ? 'NOT IN YOUR STOCK' : 'DO NOT DISPENSE', message: outcome.message, pack: outcome.pack };
    }
    case 'failed':
      return { tone: 'caution', word: 'NOT RECORDED', message: outcome.message };
  }
}

export function packLine(pack: TCounterPack | undefined): string {
  if (!pack) return '';
  const name = pack.product ? `${pack.product.name} ${pack.product.strength}` : 'Unknown product';
  return `${name} · SN ${pack.serial}${pack.lot ? ` · LOT ${pack.lot}` : ''}${pack.expiry ? ` · EXP ${formatDay(pack.expiry)}` : ''}`;
}

/** The latest scan's result, large: icon, word, what to do, which pack. */
export function CounterResult({ outcome, scanNumber }: { outcome: TCounterOutcome; scanNumber: number }) {
  const look = outcomeLook(outcome);
  const style = TONE_CLASSES[look.tone];
  return (
    <div role={look.tone === 'good' ? 'status' : 'alert'} className={`rounded-xl border-4 p-5 sm:p-6 ${style.panel}`}>
      <div className="flex items-center gap-4">
        <ToneIcon tone={look.tone} className={`h-16 w-16 shrink-0 sm:h-20 sm:w-20 ${style.icon}`} />
        <div className="min-w-0">
          <p className="text-sm font-semibold text-slate-700">Scan {scanNumber}</p>
          <p className={`text-3xl font-extrabold tracking-wide sm:text-5xl ${style.word}`}>{look.word}</p>
        </div>
      </div>
      <p className="mt-3 text-lg font-semibold text-slate-900">{look.message}</p>
      {look.pack ? <p className="mt-1 break-words text-base text-slate-800">{packLine(look.pack)}</p> : null}
    </div>
  );
}
