'use client';

import type { TIncomingShipment } from '@/lib/console/list-incoming';
import type { TJudgement } from '@/lib/console/judge-scan';
import { LocalTime } from '../_components/local-time';

export type TScanned = { id: number; key: string | null; code: string; judgement: TJudgement; at: string };

const PANEL: Record<TJudgement['tone'], string> = {
  good: 'border-green-700 bg-green-50 text-green-950',
  caution: 'border-amber-600 bg-amber-50 text-amber-950',
  danger: 'border-red-700 bg-red-50 text-red-950',
};
const ICON: Record<TJudgement['tone'], string> = { good: '✓', caution: '!', danger: '✕' };

/** The latest scan, large: a symbol and a word that carry the meaning without colour, then what to do. */
export function ScanFeedback({ scan, number }: { scan: TScanned; number: number }) {
  const { tone, word, message, label } = scan.judgement;
  return (
    <div role={tone === 'good' ? 'status' : 'alert'} className={`rounded-xl border-4 p-4 sm:p-5 ${PANEL[tone]}`}>
      <div className="flex items-center gap-4">
        <span aria-hidden className="flex h-14 w-14 shrink-0 items-center justify-center rounded-full border-4 border-current text-3xl font-black">
          {ICON[tone]}
        </span>
        <div className="min-w-0">
          <p className="text-sm font-semibold">Scan {number}</p>
          <p className="text-2xl font-extrabold tracking-wide sm:text-4xl">{word}</p>
        </div>
      </div>
      <p className="mt-2 break-words font-semibold">{label}</p>
      <p className="mt-1">{message}</p>
    </div>
  );
}

/**
 * The receiving checklist: each shipment on its way, with what it named,
 * ticked as it is scanned. What was scanned but is on no shipment, and what
 * is still missing from a shipment being received, are listed apart: the
 * differences to settle with the sender.
 */
export function IncomingChecklist({ incoming, scannedKeys, rejected }: { incoming: TIncomingShipment[]; scannedKeys: ReadonlySet<string>; rejected: TScanned[] }) {
  const touched = incoming.filter((s) => s.items.some((i) => scannedKeys.has(i.key)));
  const missing = touched.flatMap((s) => s.items.filter((i) => !scannedKeys.has(i.key)).map((i) => ({ ...i, from: s.from.name })));
  return (
    <div className="space-y-4">
      <section aria-labelledby="expected">
        <h3 id="expected" className="text-base font-semibold text-slate-900">
          Expected deliveries
        </h3>
        {incoming.length === 0 ? (
          <p className="mt-1 text-slate-700">Nothing is on its way to you. A delivery appears here as soon as its sender records the shipment.</p>
        ) : (
          <ul className="mt-2 space-y-3">
            {incoming.map((s) => {
              const done = s.items.filter((i) => scannedKeys.has(i.key)).length;
              return (
                <li key={s.id} className="rounded-md border border-slate-200 bg-white p-3">
                  <p className="font-semibold">
                    {s.isReturn ? 'Return' : 'Delivery'} from {s.from.name}
                  </p>
                  <p className="text-sm text-slate-700">
                    Shipped <LocalTime value={s.shippedAt} /> · {done} of {s.items.length} scanned{s.named > s.items.length ? ` (${s.named - s.items.length} already received)` : ''}
                  </p>
                  <ul className="mt-2 space-y-1 text-sm">
                    {s.items.map((i) => {
                      const ticked = scannedKeys.has(i.key);
                      return (
                        <li key={i.key} className={ticked ? 'text-green-900' : 'text-slate-800'}>
                          <span aria-hidden className="inline-block w-5 font-bold">{ticked ? '✓' : '○'}</span>
                          <span className="sr-only">{ticked ? 'Scanned: ' : 'Not scanned yet: '}</span>
                          {i.kind === 'case' ? `Case ${i.sscc} · ${i.packCount} packs` : `${i.productName} · lot ${i.lot} · SN ${i.serial}`}
                        </li>
                      );
                    })}
                  </ul>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {rejected.length > 0 || missing.length > 0 ? (
        <section aria-labelledby="differences" className="rounded-md border-2 border-amber-500 bg-amber-50 p-3">
          <h3 id="differences" className="text-base font-semibold text-amber-950">
            Differences
          </h3>
          {rejected.length > 0 ? (
            <>
              <p className="mt-1 text-sm font-medium text-amber-950">Scanned, but not on a shipment to you:</p>
              <ul className="mt-1 list-disc pl-5 text-sm">
                {rejected.map((r) => (
                  <li key={r.id}>
                    {r.judgement.label}: {r.judgement.word.toLowerCase()}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {missing.length > 0 ? (
            <>
              <p className="mt-2 text-sm font-medium text-amber-950">Shipped to you, not scanned yet:</p>
              <ul className="mt-1 list-disc pl-5 text-sm">
                {missing.map((m) => (
                  <li key={m.key}>{m.kind === 'case' ? `Case ${m.sscc}` : `SN ${m.serial}`} from {m.from}</li>
                ))}
              </ul>
              <p className="mt-1 text-sm">Record what arrived; what is missing stays on its way and its sender is alerted if it does not arrive.</p>
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
