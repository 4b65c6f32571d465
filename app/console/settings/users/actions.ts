'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { createInvite } from '@/lib/auth/create-invite';
import { inviteLink } from '@/lib/auth/invite-summary';
import { requestOrigin } from '@/lib/auth/request-origin';
import { revokeInvite } from '@/lib/auth/revoke-invite';
import { ZCreateInvite, ZUpdateUser } from '@/lib/auth/schemas';
import { updateUser } from '@/lib/auth/update-user';
import { requestIp, requireActor } from '../../_lib/session';
import { fieldMessages, formFailure } from '../_components/form-failure';

const PAGE = '/console/settings/users';

export type TInviteState = {
  fieldErrors: { email?: string; role?: string };
  formError?: string;
  created?: { email: string; link: string };
};

/** Creates an invite and returns its link, which the form shows once. */
export async function inviteAction(_previous: TInviteState, form: FormData): Promise<TInviteState> {
  const actor = await requireActor(PAGE);
  const parsed = ZCreateInvite.safeParse({ email: form.get('email') ?? '', role: form.get('role') ?? '' });
  if (!parsed.success) return { fieldErrors: fieldMessages(parsed.error.issues) };
  try {
    const { invite, token } = await createInvite(actor, parsed.data, { ip: await requestIp() });
    revalidatePath(PAGE);
    return { fieldErrors: {}, created: { email: invite.email, link: inviteLink(token, requestOrigin(await headers())) } };
  } catch (error) {
    return { fieldErrors: {}, formError: formFailure(error) };
  }
}

export type TRowActionState = { error?: string };

/** Withdraws a pending invite. */
export async function revokeInviteAction(_previous: TRowActionState, form: FormData): Promise<TRowActionState> {
  const actor = await requireActor(PAGE);
  try {
    await revokeInvite(actor, String(form.get('id') ?? ''), { ip: await requestIp() });
  } catch (error) {
    return { error: formFailure(error) };
  }
  revalidatePath(PAGE);
  return {};
}

/** Changes a colleague's role, or deactivates / reactivates them. */
export async function updateUserAction(_previous: TRowActionState, form: FormData): Promise<TRowActionState> {
  const actor = await requireActor(PAGE);
  const active = form.get('active');
  const parsed = ZUpdateUser.safeParse({
    ...(form.has('role') ? { role: form.get('role') } : {}),
    ...(active === 'true' || active === 'false' ? { active: active === 'true' } : {}),
  });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? 'Invalid change.' };
  try {
    await updateUser(actor, String(form.get('id') ?? ''), parsed.data, { ip: await requestIp() });
  } catch (error) {
    return { error: formFailure(error) };
  }
  revalidatePath(PAGE);
  return {};
}
