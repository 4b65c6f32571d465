'use client';

import { useActionState } from 'react';
import { webhookAction, type TWebhookActionState } from '../actions';

const INITIAL: TWebhookActionState = {};

/** One action on a webhook (pause, resume, delete, send a delivery again), with its outcome beside it. */
export function WebhookButton({ id, action, label, deliveryId, danger = false }: { id: string; action: 'pause' | 'resume' | 'delete' | 'redeliver'; label: string; deliveryId?: string; danger?: boolean }) {
  const [state, formAction, pending] = useActionState(webhookAction, INITIAL);
  return (
    <form action={formAction} className="inline-flex flex-col gap-1">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="action" value={action} />
      {deliveryId ? <input type="hidden" name="deliveryId" value={deliveryId} /> : null}
      <button
        type="submit"
        disabled={pending}
        className={`rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-70 ${danger ? 'bg-red-700 text-white hover:bg-red-800' : 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-100'}`}
      >
        {label}
      </button>
      {state.error ? (
        <span role="alert" className="text-sm text-red-800">
          {state.error}
        </span>
      ) : null}
      {state.done ? (
        <span role="status" className="text-sm text-brand-800">
          {state.done}
        </span>
      ) : null}
    </form>
  );
}
