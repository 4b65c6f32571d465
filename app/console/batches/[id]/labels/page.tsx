import '../../../_components/print.css';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { publicUrl } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { LABEL_FORMATS, LABELS_PER_SHEET, listLabelPacks, packLabel, type TLabelFormat, type TLabelSheet } from '@/lib/labels';
import { LocalTime } from '../../../_components/local-time';
import { BUTTON_SECONDARY, INPUT, LINK, PageHeader } from '../../../_components/page-header';
import { withQuery, plainParams } from '../../../_components/pagination';
import { PrintButton } from '../../../_components/print-button';
import { formatDay, requestLocale } from '../../../_lib/locale';
import { requireActor } from '../../../_lib/session';

export const metadata: Metadata = { title: 'Labels' };

const FORMAT_LABEL: Record<TLabelFormat, string> = {
  both: 'DataMatrix and Digital Link QR',
  datamatrix: 'GS1 DataMatrix only (supply chain)',
  qr: 'Digital Link QR only (patients)',
};

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * A printable sheet of pack labels: each with the GS1 DataMatrix (GTIN,
 * expiry, lot, serial; what pharmacies scan), the GS1 Digital Link QR Code
 * (what a patient's phone opens to verify the pack) and the human-readable
 * lines. Drawn on the server as SVG (lib/labels); the print style sends
 * only the sheet to paper.
 */
export default async function LabelsPage({ params, searchParams }: TProps) {
  const { id } = await params;
  const actor = await requireActor(`/console/batches/${id}/labels`);
  const search = plainParams(await searchParams);
  const format: TLabelFormat = (LABEL_FORMATS as readonly string[]).includes(search.format ?? '') ? (search.format as TLabelFormat) : 'both';
  let sheet: TLabelSheet;
  try {
    sheet = await listLabelPacks(actor, id, { run: search.run || undefined, sheet: Number(search.sheet) || 1 });
  } catch (error) {
    if (isAppError(error) && (error.status === 404 || error.status === 403)) notFound();
    throw error;
  }
  const locale = await requestLocale();
  const base = publicUrl();
  const labels = sheet.serials.map((serial) => packLabel(sheet.batch, serial, base, format));
  const path = `/console/batches/${id}/labels`;
  const first = (sheet.sheet - 1) * LABELS_PER_SHEET + 1;
  return (
    <div className="space-y-4">
      <div className="space-y-4 print:hidden">
        <PageHeader title={`Labels of lot ${sheet.batch.lot}`} actions={<PrintButton label="Print this sheet" />}>
          <p>
            {sheet.batch.productName} · {sheet.run ? <>packs of the commissioning run of <LocalTime value={sheet.run.recordTime} /></> : 'all packs of the batch'} · labels {first}–{first + labels.length - 1} of {sheet.total} (sheet {sheet.sheet} of {sheet.sheets}).{' '}
            <Link href={`/console/batches/${id}`} className={LINK}>
              Back to the batch
            </Link>
          </p>
        </PageHeader>
        <form method="get" className="flex flex-col gap-2 sm:flex-row sm:items-end" aria-label="Label options">
          {search.run ? <input type="hidden" name="run" value={search.run} /> : null}
          <div>
            <label htmlFor="label-format" className="block text-sm font-medium text-slate-800">Codes on each label</label>
            <select id="label-format" name="format" defaultValue={format} className={`${INPUT} mt-1`}>
              {LABEL_FORMATS.map((f) => <option key={f} value={f}>{FORMAT_LABEL[f]}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="label-sheet" className="block text-sm font-medium text-slate-800">Sheet</label>
            <input id="label-sheet" name="sheet" type="number" min={1} max={sheet.sheets} defaultValue={sheet.sheet} className={`${INPUT} mt-1 w-28`} />
          </div>
          <button type="submit" className={BUTTON_SECONDARY}>Show</button>
        </form>
        <nav aria-label="Sheets" className="flex gap-4 text-sm">
          {sheet.sheet > 1 ? <Link href={withQuery(path, search, { sheet: String(sheet.sheet - 1) })} className={LINK} rel="prev">← Previous sheet</Link> : null}
          {sheet.sheet < sheet.sheets ? <Link href={withQuery(path, search, { sheet: String(sheet.sheet + 1) })} className={LINK} rel="next">Next sheet →</Link> : null}
        </nav>
      </div>
      {labels.length === 0 ? (
        <p className="text-slate-700">This batch has no packs yet: commission packs first.</p>
      ) : (
        <ol data-print-sheet aria-label={`Label sheet ${sheet.sheet}`} className="grid grid-cols-1 gap-2 bg-white sm:grid-cols-2 lg:grid-cols-3 print:grid-cols-3 print:gap-1">
          {labels.map((label) => (
            <li key={label.serial} className="flex break-inside-avoid flex-col gap-1 rounded border border-slate-300 p-2 text-black print:rounded-none print:border-slate-400 print:p-1.5">
              <p className="truncate text-xs font-semibold">
                {sheet.batch.productName} {sheet.batch.strength}
              </p>
              <div className="flex items-center justify-between gap-2">
                {label.dataMatrixSvg ? <div className="h-20 w-20 shrink-0 print:h-16 print:w-16 [&>svg]:h-full [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: label.dataMatrixSvg }} /> : null}
                <dl className="grid min-w-0 flex-1 grid-cols-[auto_1fr] gap-x-1 font-mono text-[10px] leading-tight print:text-[9px]">
                  {label.lines.map((line) => (
                    <div key={line.label} className="contents">
                      <dt>{line.label}</dt>
                      <dd className="break-all">{line.value}</dd>
                    </div>
                  ))}
                </dl>
                {label.qrSvg ? <div className="h-20 w-20 shrink-0 print:h-16 print:w-16 [&>svg]:h-full [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: label.qrSvg }} /> : null}
              </div>
              <p className="sr-only">Expires {formatDay(sheet.batch.expiry, locale)}</p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
