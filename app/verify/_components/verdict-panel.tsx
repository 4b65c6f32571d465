import { countryName } from '@/lib/verification/journey-words';
import type { TBatchVerdict, TPackVerdict, TVerdict } from '@/lib/verification/types';
import { formatDay } from '@/lib/verification/verdict-words';
import { TONE_CLASSES, ToneIcon, VERDICT_TONE } from './verdict-style';

/** The verdict in plain words first (word, what it means, what to do), then the facts behind it. */
export function VerdictPanel({ verdict }: { verdict: TVerdict }) {
  const tone = VERDICT_TONE[verdict.verdict];
  const style = TONE_CLASSES[tone];
  return (
    <div className="space-y-4">
      <section aria-labelledby="verdict-word" className={`rounded-xl border-4 p-5 sm:p-6 ${style.panel}`}>
        <div className="flex items-start gap-4">
          <ToneIcon tone={tone} className={`h-14 w-14 shrink-0 ${style.icon}`} />
          <div>
            <p className="text-sm font-semibold uppercase tracking-wide text-slate-700">{verdict.kind === 'pack' ? 'This pack' : 'This batch'}</p>
            <h2 id="verdict-word" className={`text-3xl font-extrabold tracking-wide sm:text-4xl ${style.word}`}>
              {verdict.verdict}
            </h2>
            <p className="mt-1 text-lg font-semibold text-slate-900">{verdict.headline}</p>
          </div>
        </div>
        <p className="mt-4 text-base text-slate-900">
          <strong>What to do: </strong>
          {verdict.advice}
        </p>
        {verdict.notes.length > 0 ? (
          <ul className="mt-3 list-disc space-y-1 pl-6 text-base text-slate-900">
            {verdict.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        ) : null}
      </section>
      <section aria-labelledby="verdict-facts" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="verdict-facts" className="text-lg font-semibold">
          What was checked
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">{verdict.kind === 'pack' ? <PackFacts verdict={verdict} /> : <BatchFacts verdict={verdict} />}</dl>
      </section>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="break-words text-slate-900">{children}</dd>
    </>
  );
}

function ProductFacts({ verdict }: { verdict: TVerdict }) {
  const { product, manufacturer } = verdict;
  return (
    <>
      <Fact label="Product">{product ? `${product.name} (${product.strength}, ${product.form}, pack of ${product.packSize})` : 'Not registered on the network'}</Fact>
      {manufacturer ? <Fact label="Made by">{`${manufacturer.name}, ${countryName(manufacturer.country)}`}</Fact> : null}
      <Fact label="GTIN">{verdict.gtin}</Fact>
    </>
  );
}

function PackFacts({ verdict }: { verdict: TPackVerdict }) {
  const lot = verdict.batch?.lot ?? verdict.scanned.lot;
  const expiry = verdict.batch?.expiry ?? verdict.scanned.expiry ?? verdict.scanned.expiryMonth;
  return (
    <>
      <ProductFacts verdict={verdict} />
      <Fact label="Serial number">{verdict.serial}</Fact>
      {lot ? <Fact label={verdict.batch ? 'Lot' : 'Lot on the box'}>{lot}</Fact> : null}
      {expiry ? <Fact label={verdict.batch ? 'Expiry' : 'Expiry on the box'}>{formatDay(expiry)}</Fact> : null}
      {verdict.dispensedOn ? <Fact label="Dispensed on">{formatDay(verdict.dispensedOn)}</Fact> : null}
      {verdict.recall ? <Fact label="Recall">{`Class ${verdict.recall.recallClass}, since ${formatDay(verdict.recall.since)}: ${verdict.recall.reason}`}</Fact> : null}
    </>
  );
}

function BatchFacts({ verdict }: { verdict: TBatchVerdict }) {
  const { batch, counts } = verdict;
  return (
    <>
      <ProductFacts verdict={verdict} />
      <Fact label="Lot">{verdict.lot}</Fact>
      {batch ? <Fact label="Expiry">{formatDay(batch.expiry)}</Fact> : null}
      {batch?.manufacturedOn ? <Fact label="Made on">{formatDay(batch.manufacturedOn)}</Fact> : null}
      {batch ? <Fact label="Status">{batch.status === 'RECALLED' ? 'Recalled' : batch.expired ? 'Expired' : 'Active'}</Fact> : null}
      {counts ? <Fact label="Packs made">{counts.commissioned.toLocaleString('en')}</Fact> : null}
      {counts ? <Fact label="Packs dispensed">{counts.dispensed.toLocaleString('en')}</Fact> : null}
      {verdict.recall ? <Fact label="Recall">{`Class ${verdict.recall.recallClass}, since ${formatDay(verdict.recall.since)}: ${verdict.recall.reason}`}</Fact> : null}
    </>
  );
}
