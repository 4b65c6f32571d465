import { beforeAll, describe, expect, it } from 'vitest';
import { getPool } from '@/lib/db';
import type { TActor } from './actor';
import { acceptInvite } from './accept-invite';
import { createInvite } from './create-invite';
import { findOpenInvite } from './find-invite';
import { listInvites } from './list-invites';
import { resolveActor } from './resolve-actor';
import { revokeInvite } from './revoke-invite';
import { signIn } from './sign-in';
import { createTestOrg, createTestSession, createTestUser } from './test-fixtures';

let admin: TActor;
let otherAdmin: TActor;
let orgId: string;
const ctx = { ip: null };
const newcomer = { name: 'Lena Vogel', password: 'a long enough passphrase' };

beforeAll(async () => {
  const org = await createTestOrg('PHARMACY', 'Apotheke Test');
  orgId = org.id;
  admin = await resolveActor({ sessionToken: await createTestSession((await createTestUser(org.id, 'ADMIN')).id) });
  const other = await createTestOrg('PHARMACY');
  otherAdmin = await resolveActor({ sessionToken: await createTestSession((await createTestUser(other.id, 'ADMIN')).id) });
});

describe('invites', () => {
  it('turn into an account with the invited role, signed in at once, usable for sign-in later, and only once', async () => {
    const { invite, token } = await createInvite(admin, { email: 'lena@apotheke.example', role: 'OPERATOR' }, ctx);
    expect(await findOpenInvite(token)).toMatchObject({ email: 'lena@apotheke.example', role: 'OPERATOR', orgName: 'Apotheke Test', orgRole: 'PHARMACY' });
    expect((await listInvites(admin)).map((i) => i.id)).toContain(invite.id);
    const accepted = await acceptInvite(token, newcomer, ctx);
    expect(accepted.actor).toMatchObject({ orgId, userRole: 'OPERATOR', email: 'lena@apotheke.example', name: 'Lena Vogel' });
    await expect(resolveActor({ sessionToken: accepted.token })).resolves.toMatchObject({ userId: accepted.actor.userId });
    await expect(signIn({ email: 'lena@apotheke.example', password: newcomer.password, ip: null })).resolves.toHaveProperty('token');
    await expect(acceptInvite(token, newcomer, ctx)).rejects.toMatchObject({ code: 'invite_invalid', status: 410 });
    expect(await findOpenInvite(token)).toBeNull();
    expect((await listInvites(admin)).map((i) => i.id)).not.toContain(invite.id);
    const audit = await getPool().query(`SELECT action FROM audit_log WHERE target_id = $1 ORDER BY id`, [invite.id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['invite.create', 'invite.accept']);
  });

  it('are refused for an address that already has an account', async () => {
    const existing = await createTestUser(orgId, 'VIEWER');
    await expect(createInvite(admin, { email: existing.email, role: 'VIEWER' }, ctx)).rejects.toMatchObject({ code: 'conflict' });
    await expect(createInvite(otherAdmin, { email: existing.email, role: 'VIEWER' }, ctx)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('stop working when withdrawn, superseded or expired', async () => {
    const first = await createInvite(admin, { email: 'max@apotheke.example', role: 'VIEWER' }, ctx);
    const second = await createInvite(admin, { email: 'max@apotheke.example', role: 'ADMIN' }, ctx);
    await expect(acceptInvite(first.token, newcomer, ctx)).rejects.toMatchObject({ code: 'invite_invalid' });
    await revokeInvite(admin, second.invite.id, ctx);
    await expect(acceptInvite(second.token, newcomer, ctx)).rejects.toMatchObject({ code: 'invite_invalid' });
    const third = await createInvite(admin, { email: 'max@apotheke.example', role: 'VIEWER' }, ctx);
    await getPool().query(`UPDATE invites SET expires_at = now() - interval '1 second' WHERE id = $1`, [third.invite.id]);
    await expect(acceptInvite(third.token, newcomer, ctx)).rejects.toMatchObject({ code: 'invite_invalid' });
    await expect(acceptInvite('garbage', newcomer, ctx)).rejects.toMatchObject({ code: 'invite_invalid' });
    const users = await getPool().query(`SELECT 1 FROM users WHERE email = 'max@apotheke.example'`);
    expect(users.rowCount).toBe(0);
  });

  it("cannot be listed or withdrawn by another organisation's admin, nor created by operators", async () => {
    const { invite } = await createInvite(admin, { email: 'sam@apotheke.example', role: 'VIEWER' }, ctx);
    expect((await listInvites(otherAdmin)).map((i) => i.id)).not.toContain(invite.id);
    await expect(revokeInvite(otherAdmin, invite.id, ctx)).rejects.toMatchObject({ code: 'not_found' });
    const operator = await resolveActor({ sessionToken: await createTestSession((await createTestUser(orgId, 'OPERATOR')).id) });
    await expect(createInvite(operator, { email: 'x@apotheke.example', role: 'ADMIN' }, ctx)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('create exactly one account when the same link is accepted twice at once', async () => {
    const { token } = await createInvite(admin, { email: 'twice@apotheke.example', role: 'VIEWER' }, ctx);
    const results = await Promise.allSettled([acceptInvite(token, newcomer, ctx), acceptInvite(token, newcomer, ctx)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const users = await getPool().query(`SELECT 1 FROM users WHERE email = 'twice@apotheke.example'`);
    expect(users.rowCount).toBe(1);
  });
});
