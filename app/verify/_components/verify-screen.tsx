import { formatEventTime, stepTitle } from '@/lib/verification/journey-words';
import { listPublicProducts } from '@/lib/verification/list-public-products';
import type { TVerdict, TVerifyInput } from '@/lib/verification/types';
import { hasInput, runVerification } from '../_lib/run-verification';
import { ProofList, type TProofItem } from './proof-list';
import { VerdictPanel } from './verdict-panel';
import { VerifyForm, type TFormError } from './verify-form';

/**
 * The public authenticity page: the verdict in plain words, the facts, the
 * journey with every step proved in the visitor's browser, and the form to
 * check another. Shared by /verify and the GS1 Digital Link addresses
 * (/01/...), so the QR code on a pack opens its verdict directly.
 */
export async function VerifyScreen({ input }: { input: TVerifyInput & { product?: string } }) {
  const [products, result] = await Promise.all([listPublicProducts(), hasInput(input) ? runVerification(input) : null]);
  const verdict = result && 'verdict' in result ? result.verdict : null;
  const error: TFormError | undefined = result && 'error' in result ? result.error : undefined;
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-6 sm:py-10">
      <div>
        <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">Verify a pack or batch</h1>
        {verdict ? null : (
          <p className="mt-2 text-base text-slate-700">
            Scan the square code on the box, or type what is printed beside it. You get a verdict in plain words, and your own browser checks the proof of every step in the
            public ledger. No account needed.
          </p>
        )}
      </div>
      {verdict ? (
        <>
          <VerdictPanel verdict={verdict} />
          <Proofs verdict={verdict} />
          <VerifyForm input={{}} products={products} compact />
        </>
      ) : (
        <VerifyForm input={input} products={products} error={error} />
      )}
    </div>
  );
}

function Proofs({ verdict }: { verdict: TVerdict }) {
  const items = verdict.kind === 'pack' ? journeyItems(verdict) : commissioningItems(verdict);
  if (items.length === 0) return null;
  const heading = verdict.kind === 'pack' ? 'Its journey, proved step by step' : 'Its commissioning, proved';
  return <ProofList key={verdict.key} items={items} heading={heading} />;
}

function journeyItems(verdict: Extract<TVerdict, { kind: 'pack' }>): TProofItem[] {
  return verdict.journey.map((step) => ({
    eventId: step.eventId,
    epc: step.namedKey,
    shown: { bizStep: step.bizStep, disposition: step.disposition, eventTime: step.eventTime, eventTimeZoneOffset: step.eventTimeZoneOffset, actor: step.actor },
    title: stepTitle(step),
    when: formatEventTime(step.eventTime, step.eventTimeZoneOffset),
    note: step.via ? `Recorded for case ${step.via.slice(3)}, which this pack was in.` : step.throughCase ? 'Recorded for a case this pack was in (a trader\'s case: its code is not published).' : undefined,
  }));
}

function commissioningItems(verdict: Extract<TVerdict, { kind: 'batch' }>): TProofItem[] {
  const expiry = verdict.batch?.expiry;
  return verdict.commissioning.map((event) => ({
    eventId: event.eventId,
    epc: null,
    shown: { bizStep: 'commissioning', eventTime: event.eventTime, eventTimeZoneOffset: event.eventTimeZoneOffset, batch: { gtin: verdict.gtin, lot: verdict.lot, expiry }, epcs: { count: event.packCount }, actor: event.actor },
    title: `${event.packCount.toLocaleString('en')} packs of this batch made and serialised by ${event.actor.name ?? 'the manufacturer'}`,
    when: formatEventTime(event.eventTime, event.eventTimeZoneOffset),
  }));
}
