/** The heading of a console page: what it is, one sentence on what it is for, and its main actions. */
export function PageHeader({ title, children, actions }: { title: string; children?: React.ReactNode; actions?: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-3 md:flex-row md:items-end md:justify-between">
      <div className="min-w-0">
        <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
        {children ? <div className="mt-1 max-w-3xl text-slate-700">{children}</div> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2 print:hidden">{actions}</div> : null}
    </div>
  );
}

/** A section of a page, in a card, labelled by its heading for screen readers. */
export function Section({ id, title, children, actions, className }: { id: string; title: string; children: React.ReactNode; actions?: React.ReactNode; className?: string }) {
  return (
    <section aria-labelledby={id} className={`rounded-lg border border-slate-200 bg-white p-4 sm:p-6 ${className ?? ''}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        {actions}
      </div>
      <div className="mt-4">{children}</div>
    </section>
  );
}

/** What an empty list means, and what to do next. */
export function EmptyState({ title, children, action }: { title: string; children?: React.ReactNode; action?: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <p className="text-lg font-semibold text-slate-900">{title}</p>
      {children ? <div className="mx-auto mt-1 max-w-xl text-slate-700">{children}</div> : null}
      {action ? <div className="mt-4 flex justify-center">{action}</div> : null}
    </div>
  );
}

export const BUTTON = 'inline-flex min-h-11 items-center justify-center gap-2 rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60';
export const BUTTON_SECONDARY = 'inline-flex min-h-11 items-center justify-center gap-2 rounded-md border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-100 disabled:opacity-60';
export const LINK = 'font-medium text-brand-700 underline hover:text-brand-800';
export const INPUT = 'block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 aria-[invalid=true]:border-red-600';
export const TABLE_WRAP = 'overflow-x-auto rounded-lg border border-slate-200 bg-white';
export const TH = 'px-3 py-2 text-left text-sm font-semibold text-slate-700';
export const TD = 'px-3 py-2 align-top';
