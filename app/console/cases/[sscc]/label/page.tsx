import '../../../_components/print.css';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { listCases } from '@/lib/console';
import { publicUrl } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { getContainer } from '@/lib/events';
import { caseLabel } from '@/lib/labels';
import { LINK, PageHeader } from '../../../_components/page-header';
import { PrintButton } from '../../../_components/print-button';
import { caseSummary } from '../../../_lib/case-summary';
import { requestLocale } from '../../../_lib/locale';
import { requireActor } from '../../../_lib/session';

export const metadata: Metadata = { title: 'SSCC label' };

/** The logistic label of a case: the SSCC as GS1-128 and GS1 DataMatrix, with its contents in words. */
export default async function CaseLabelPage({ params }: { params: Promise<{ sscc: string }> }) {
  const { sscc } = await params;
  const actor = await requireActor(`/console/cases/${sscc}/label`);
  try {
    await getContainer(actor, sscc);
  } catch (error) {
    if (isAppError(error) && error.status === 404) notFound();
    throw error;
  }
  const [locale, held] = await Promise.all([requestLocale(), listCases(actor, { state: 'all', page: 1, sscc })]);
  const label = caseLabel(sscc, publicUrl());
  const contents = held.items[0] ? caseSummary(held.items[0], locale) : null;
  return (
    <div className="space-y-4">
      <div className="print:hidden">
        <PageHeader title={`SSCC label of case ${sscc}`} actions={<PrintButton label="Print the label" />}>
          <p>
            Stick it on the case so that every scanner down the chain reads the case, and with it everything inside.{' '}
            <Link href={`/console/cases/${sscc}`} className={LINK}>Back to the case</Link>
          </p>
        </PageHeader>
      </div>
      <article data-print-sheet aria-label={`SSCC label ${sscc}`} className="max-w-xl border-2 border-black bg-white p-4 text-black">
        <p className="text-sm font-semibold uppercase tracking-wide">{actor.orgName}</p>
        {contents ? <p className="mt-1 text-sm">{contents}</p> : null}
        <div className="mt-3 flex items-center gap-4">
          <div className="h-24 w-24 shrink-0 [&>svg]:h-full [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: label.dataMatrixSvg }} />
          <div className="min-w-0">
            <p className="text-xs font-semibold">SSCC</p>
            <p className="font-mono text-xl font-bold">{sscc}</p>
          </div>
        </div>
        <div className="mt-4 h-28 w-full [&>svg]:h-full [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: label.gs1128Svg }} />
        <p className="mt-1 text-center font-mono text-sm">{label.bracketed}</p>
      </article>
    </div>
  );
}
