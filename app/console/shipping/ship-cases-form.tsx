'use client';

import { useActionState, useState } from 'react';
import { FormMessage } from '../_components/field';
import { BUTTON, INPUT } from '../_components/page-header';
import { shipCasesAction, type TShipState } from './actions';

type TCase = { sscc: string; summary: string };
type TDestination = { gln: string; name: string; role: string };

const INITIAL: TShipState = { fieldErrors: {} };

/** Tick the cases, choose the destination, ship: one shipping event for all of them. */
export function ShipCasesForm({ cases, destinations }: { cases: TCase[]; destinations: TDestination[] }) {
  const [state, formAction, pending] = useActionState(shipCasesAction, INITIAL);
  const [to, setTo] = useState('');
  const roles = [...new Set(destinations.map((d) => d.role))];
  return (
    <form action={formAction} className="space-y-4" aria-label="Ship cases">
      {state.formError ? <FormMessage tone="error">{state.formError}</FormMessage> : null}
      {state.done ? <FormMessage tone="success">{state.done.count} case{state.done.count === 1 ? '' : 's'} shipped to {state.done.to}. They stay yours until the destination receives them.</FormMessage> : null}
      {cases.length === 0 ? <p className="text-slate-700">No case is ready to ship. Fill a case with packs first; full cases appear here.</p> : null}
      {cases.length > 0 ? (
        <fieldset aria-describedby={state.fieldErrors.sscc ? 'ship-sscc-error' : undefined}>
          <legend className="text-sm font-medium text-slate-800">Cases ready to ship</legend>
          <ul className="mt-2 divide-y divide-slate-200 rounded-md border border-slate-200">
            {cases.map((c) => (
              <li key={c.sscc}>
                <label className="flex min-h-11 cursor-pointer items-start gap-3 px-3 py-2 hover:bg-slate-50">
                  <input type="checkbox" name="sscc" value={c.sscc} className="mt-1 h-5 w-5" />
                  <span>
                    <span className="font-mono font-semibold">SSCC {c.sscc}</span>
                    <span className="block text-sm text-slate-700">{c.summary}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {state.fieldErrors.sscc ? <p id="ship-sscc-error" className="mt-1 text-sm font-medium text-red-700">{state.fieldErrors.sscc}</p> : null}
        </fieldset>
      ) : null}
      {cases.length > 0 ? (
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <div className="flex-1">
            <label htmlFor="ship-to" className="block text-sm font-medium text-slate-800">Ship to</label>
            <select id="ship-to" name="to" value={to} onChange={(e) => setTo(e.target.value)} aria-invalid={Boolean(state.fieldErrors.to)} aria-describedby={state.fieldErrors.to ? 'ship-to-error' : undefined} className={`${INPUT} mt-1`}>
              <option value="">Choose the destination…</option>
              {roles.map((role) => (
                <optgroup key={role} label={role}>
                  {destinations.filter((d) => d.role === role).map((d) => (
                    <option key={d.gln} value={d.gln}>{d.name} (GLN {d.gln})</option>
                  ))}
                </optgroup>
              ))}
            </select>
            {state.fieldErrors.to ? <p id="ship-to-error" className="mt-1 text-sm font-medium text-red-700">{state.fieldErrors.to}</p> : null}
            <input type="hidden" name="toName" value={destinations.find((d) => d.gln === to)?.name ?? ''} />
          </div>
          <button type="submit" disabled={pending} className={BUTTON}>
            {pending ? 'Shipping…' : 'Ship the ticked cases'}
          </button>
        </div>
      ) : null}
    </form>
  );
}
