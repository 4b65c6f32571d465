'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createWebhook, deleteWebhook, redeliver, updateWebhook, WEBHOOK_TOPICS, ZCreateWebhook } from '@/lib/webhooks';
import { requestIp, requireActor } from '../_lib/session';
import { fieldMessages, formFailure } from '../settings/_components/form-failure';

const PAGE = '/console/webhooks';

export type TCreateWebhookState = { fieldErrors: Record<string, string>; formError?: string; created?: { url: string; secret: string } };

/** Registers a webhook and hands its secret back to the form, which shows it once. */
export async function createWebhookAction(_previous: TCreateWebhookState, form: FormData): Promise<TCreateWebhookState> {
  const actor = await requireActor(PAGE);
  const topics = form.getAll('topics').map(String).filter((t) => (WEBHOOK_TOPICS as readonly string[]).includes(t));
  const parsed = ZCreateWebhook.safeParse({ url: String(form.get('url') ?? ''), topics });
  if (!parsed.success) return { fieldErrors: fieldMessages(parsed.error.issues) };
  try {
    const { webhook, secret } = await createWebhook(actor, parsed.data, { ip: await requestIp() });
    revalidatePath(PAGE);
    return { fieldErrors: {}, created: { url: webhook.url, secret } };
  } catch (error) {
    return { fieldErrors: {}, formError: formFailure(error) };
  }
}

export type TWebhookActionState = { error?: string; done?: string };

/** Pause, resume, send a delivery again, or delete: one form per button on the webhook's page. */
export async function webhookAction(_previous: TWebhookActionState, form: FormData): Promise<TWebhookActionState> {
  const id = String(form.get('id') ?? '');
  const actor = await requireActor(`${PAGE}/${id}`);
  const ip = await requestIp();
  const action = String(form.get('action') ?? '');
  try {
    if (action === 'delete') {
      await deleteWebhook(actor, id, { ip });
    } else if (action === 'pause' || action === 'resume') {
      await updateWebhook(actor, id, { active: action === 'resume' }, { ip });
    } else if (action === 'redeliver') {
      await redeliver(actor, id, String(form.get('deliveryId') ?? ''), { ip });
    } else {
      return { error: 'Unknown action.' };
    }
  } catch (error) {
    return { error: formFailure(error) };
  }
  revalidatePath(PAGE);
  if (action === 'delete') redirect(PAGE);
  revalidatePath(`${PAGE}/${id}`);
  return { done: action === 'redeliver' ? 'The delivery will be sent again shortly.' : action === 'pause' ? 'Paused: notifications are no longer queued.' : 'Resumed.' };
}
