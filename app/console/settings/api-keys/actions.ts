'use server';

import { revalidatePath } from 'next/cache';
import { createApiKey } from '@/lib/auth/create-api-key';
import { revokeApiKey } from '@/lib/auth/revoke-api-key';
import { ZCreateApiKey } from '@/lib/auth/schemas';
import { requestIp, requireActor } from '../../_lib/session';
import { fieldMessages, formFailure } from '../_components/form-failure';

const PAGE = '/console/settings/api-keys';

export type TCreateKeyState = {
  fieldErrors: { name?: string; role?: string };
  formError?: string;
  created?: { name: string; prefix: string; key: string };
};

/** Creates a key and hands the full key back to the form, which shows it once. */
export async function createKeyAction(_previous: TCreateKeyState, form: FormData): Promise<TCreateKeyState> {
  const actor = await requireActor(PAGE);
  const parsed = ZCreateApiKey.safeParse({ name: form.get('name') ?? '', role: form.get('role') || undefined });
  if (!parsed.success) return { fieldErrors: fieldMessages(parsed.error.issues) };
  try {
    const created = await createApiKey(actor, parsed.data, { ip: await requestIp() });
    revalidatePath(PAGE);
    return { fieldErrors: {}, created: { name: created.name, prefix: created.prefix, key: created.key } };
  } catch (error) {
    return { fieldErrors: {}, formError: formFailure(error) };
  }
}

export type TRevokeKeyState = { error?: string };

export async function revokeKeyAction(_previous: TRevokeKeyState, form: FormData): Promise<TRevokeKeyState> {
  const actor = await requireActor(PAGE);
  try {
    await revokeApiKey(actor, String(form.get('id') ?? ''), { ip: await requestIp() });
  } catch (error) {
    return { error: formFailure(error) };
  }
  revalidatePath(PAGE);
  return {};
}
