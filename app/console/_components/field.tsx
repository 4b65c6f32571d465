import { INPUT } from './page-header';

/**
 * A labelled form field whose hint and error are tied to the control with
 * aria-describedby, so a screen reader reads them with the field. The
 * control is passed as a render function receiving those attributes.
 */
export function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: React.ReactNode; error?: string; children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string; className: string }) => React.ReactNode }) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="mt-1">{children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': described || undefined, className: INPUT })}</div>
      {hint ? (
        <div id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A form-level message: an error (role alert) or a confirmation (role status). */
export function FormMessage({ tone, children }: { tone: 'error' | 'success'; children: React.ReactNode }) {
  return tone === 'error' ? (
    <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-900">
      {children}
    </p>
  ) : (
    <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
      {children}
    </p>
  );
}
