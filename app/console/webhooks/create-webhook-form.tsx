'use client';

import { useActionState } from 'react';
import { CopyOnce } from '../settings/_components/copy-once';
import { createWebhookAction, type TCreateWebhookState } from './actions';

const INITIAL: TCreateWebhookState = { fieldErrors: {} };

const TOPICS: { value: string; label: string }[] = [
  { value: 'alert.raised', label: 'A new alert your organisation sees' },
  { value: 'alert.updated', label: 'An alert acknowledged, investigated or closed' },
  { value: 'recall.opened', label: 'A recall that concerns you' },
  { value: 'recall.closed', label: 'Such a recall closed' },
];

export function CreateWebhookForm() {
  const [state, formAction, pending] = useActionState(createWebhookAction, INITIAL);
  return (
    <div className="space-y-4">
      {state.created ? (
        <CopyOnce
          label={`Signing secret for ${state.created.url}`}
          value={state.created.secret}
          note="Configure it in the receiving system now, to check each delivery's signature. It is not shown again."
        />
      ) : null}
      <form action={formAction} noValidate className="space-y-4">
        {state.formError ? (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800">
            {state.formError}
          </p>
        ) : null}
        <div>
          <label htmlFor="webhook-url" className="block text-sm font-medium text-slate-800">
            Receiver URL (https)
          </label>
          <input
            id="webhook-url"
            name="url"
            type="url"
            required
            placeholder="https://erp.example.com/hooks/pharmatrace"
            aria-invalid={Boolean(state.fieldErrors.url)}
            aria-describedby={state.fieldErrors.url ? 'webhook-url-error' : undefined}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 aria-[invalid=true]:border-red-600"
          />
          {state.fieldErrors.url ? (
            <p id="webhook-url-error" className="mt-1 text-sm text-red-700">
              {state.fieldErrors.url}
            </p>
          ) : null}
        </div>
        <fieldset aria-describedby={state.fieldErrors.topics ? 'webhook-topics-error' : undefined}>
          <legend className="text-sm font-medium text-slate-800">Send</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {TOPICS.map((topic) => (
              <label key={topic.value} className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="topics" value={topic.value} defaultChecked className="mt-1" />
                <span>
                  {topic.label} <code className="text-slate-600">{topic.value}</code>
                </span>
              </label>
            ))}
          </div>
          {state.fieldErrors.topics ? (
            <p id="webhook-topics-error" className="mt-1 text-sm text-red-700">
              {state.fieldErrors.topics}
            </p>
          ) : null}
        </fieldset>
        <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-70">
          {pending ? 'Adding…' : 'Add webhook'}
        </button>
      </form>
    </div>
  );
}
