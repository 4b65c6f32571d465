'use client';

import { BUTTON } from './page-header';

/** Opens the browser's print dialog for the sheet on the page. */
export function PrintButton({ label = 'Print' }: { label?: string }) {
  return (
    <button type="button" onClick={() => window.print()} className={BUTTON}>
      {label}
    </button>
  );
}
