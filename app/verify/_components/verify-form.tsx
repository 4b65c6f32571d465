import type { TPublicProductChoice } from '@/lib/verification/list-public-products';
import type { TVerifyInput } from '@/lib/verification/types';
import { FormScanButton } from './scan-button';

const inputClass =
  'mt-1 block min-h-12 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-lg text-slate-900 shadow-sm focus:border-brand-600 aria-[invalid=true]:border-red-700';
const smallInputClass = inputClass.replace('text-lg', 'text-base');

export type TFormError = { detail: string; field?: string };

/**
 * One input that takes whatever the person has, a Scan button, and the
 * code in parts for a box that cannot be scanned. A plain GET form: it
 * works without JavaScript (only scanning needs it), and the address of a
 * result can be shared.
 */
export function VerifyForm({ input, products, error, compact }: { input: TVerifyInput & { product?: string }; products: TPublicProductChoice[]; error?: TFormError; compact?: boolean }) {
  const partsOpen = Boolean(input.gtin || input.serial || input.lot || input.expiry || input.product);
  const invalid = error ? true : undefined;
  return (
    <form id="verify-form" method="get" action="/verify" className="space-y-4" noValidate>
      {error ? (
        <div id="verify-error" role="alert" className="rounded-md border-2 border-red-700 bg-red-50 px-4 py-3 text-base text-red-900">
          {error.detail}
        </div>
      ) : null}
      <div>
        <label htmlFor="code" className="block text-base font-semibold text-slate-900">
          {compact ? 'Check another pack or batch' : 'Code on the pack, or batch ID'}
        </label>
        <p id="code-hint" className="text-sm break-words text-slate-700">
          Scan it, or type it as printed, e.g. (01)04098765000119(17)270331(10)AMX2401(21)7K3M9QX2PZ4D, or the address in the QR code.
        </p>
        <div className="mt-1 flex flex-col gap-2 sm:flex-row">
          <input
            id="code"
            name="code"
            type="text"
            inputMode="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            defaultValue={input.code ?? ''}
            aria-invalid={invalid && !partsOpen}
            aria-describedby={error ? 'code-hint verify-error' : 'code-hint'}
            className={inputClass}
          />
          <FormScanButton formId="verify-form" inputId="code" className="flex min-h-12 items-center justify-center gap-2 rounded-md border-2 border-brand-600 bg-white px-5 py-2 text-lg font-semibold text-brand-800 hover:bg-brand-50" />
          <button type="submit" className="min-h-12 rounded-md bg-brand-600 px-6 py-2 text-lg font-semibold text-white hover:bg-brand-700">
            Check
          </button>
        </div>
      </div>
      <details open={partsOpen} className="rounded-md border border-slate-200 bg-white p-4">
        <summary className="cursor-pointer py-1 text-base font-medium text-slate-900">Type the code in parts, or check a batch by its lot number</summary>
        <p className="mt-2 text-sm text-slate-700">Pick the product or type its GTIN; then the serial number (SN) for a pack, or only the lot (LOT, BATCH) for a batch.</p>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <label htmlFor="product" className="block text-sm font-medium text-slate-800">
              Product
            </label>
            <select id="product" name="product" defaultValue={input.product ?? ''} className={smallInputClass}>
              <option value="">Pick from the list…</option>
              {products.map((p) => (
                <option key={p.gtin} value={p.gtin}>
                  {`${p.name} (${p.strength}, ${p.form}), ${p.manufacturer}`}
                </option>
              ))}
            </select>
          </div>
          <Field id="gtin" label="or GTIN (01)" value={input.gtin} mode="numeric" error={error} />
          <Field id="serial" label="Serial number (21, SN)" value={input.serial} error={error} />
          <Field id="lot" label="Lot or batch (10)" value={input.lot} error={error} />
          <Field id="expiry" label="Expiry (17, EXP)" value={input.expiry} hint="e.g. 2027-03-31 or 03/2027" error={error} />
        </div>
        <button type="submit" className="mt-4 min-h-12 w-full rounded-md bg-brand-600 px-6 py-2 text-lg font-semibold text-white hover:bg-brand-700 sm:w-auto">
          Check these
        </button>
      </details>
    </form>
  );
}

function Field({ id, label, value, hint, mode, error }: { id: string; label: string; value?: string; hint?: string; mode?: 'numeric'; error?: TFormError }) {
  const invalid = error?.field === id ? true : undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-700">
          {hint}
        </p>
      ) : null}
      <input id={id} name={id} type="text" inputMode={mode} autoComplete="off" spellCheck={false} defaultValue={value ?? ''} aria-invalid={invalid} aria-describedby={[hint ? `${id}-hint` : '', invalid ? 'verify-error' : ''].filter(Boolean).join(' ') || undefined} className={smallInputClass} />
    </div>
  );
}
