import { beforeAll, describe, expect, it } from 'vitest';
import { getPool } from '@/lib/db';
import type { TActor } from './actor';
import { listUsers } from './list-users';
import { resolveActor } from './resolve-actor';
import { createTestApiKey, createTestOrg, createTestSession, createTestUser } from './test-fixtures';
import { updateUser } from './update-user';

let admin: TActor;
let otherAdmin: TActor;
let orgId: string;
const ctx = { ip: '192.0.2.20' };

beforeAll(async () => {
  orgId = (await createTestOrg('REGULATOR')).id;
  admin = await resolveActor({ sessionToken: await createTestSession((await createTestUser(orgId, 'ADMIN')).id) });
  const other = await createTestOrg('REGULATOR');
  otherAdmin = await resolveActor({ sessionToken: await createTestSession((await createTestUser(other.id, 'ADMIN')).id) });
});

describe('managing users', () => {
  it('deactivating someone ends all their sessions at once and is audited; reactivating lets them sign in again', async () => {
    const person = await createTestUser(orgId, 'OPERATOR');
    const phone = await createTestSession(person.id);
    const desk = await createTestSession(person.id);
    const updated = await updateUser(admin, person.id, { active: false }, ctx);
    expect(updated).toMatchObject({ id: person.id, active: false });
    for (const token of [phone, desk]) await expect(resolveActor({ sessionToken: token })).rejects.toMatchObject({ code: 'session_expired' });
    expect((await getPool().query('SELECT 1 FROM sessions WHERE user_id = $1', [person.id])).rowCount).toBe(0);
    await updateUser(admin, person.id, { active: true }, ctx);
    const audit = await getPool().query(`SELECT action, actor_user_id, ip FROM audit_log WHERE target_id = $1 ORDER BY id`, [person.id]);
    const adminId = admin.kind === 'user' ? admin.userId : null;
    expect(audit.rows).toEqual([
      { action: 'user.deactivate', actor_user_id: adminId, ip: '192.0.2.20' },
      { action: 'user.reactivate', actor_user_id: adminId, ip: '192.0.2.20' },
    ]);
  });

  it('changes roles, which apply to live sessions on their next request', async () => {
    const person = await createTestUser(orgId, 'VIEWER');
    const token = await createTestSession(person.id);
    await updateUser(admin, person.id, { role: 'OPERATOR' }, ctx);
    await expect(resolveActor({ sessionToken: token })).resolves.toMatchObject({ userRole: 'OPERATOR' });
    const audit = await getPool().query(`SELECT detail FROM audit_log WHERE target_id = $1 AND action = 'user.role_change'`, [person.id]);
    expect(audit.rows[0].detail).toMatchObject({ from: 'VIEWER', to: 'OPERATOR' });
  });

  it('keeps admins from locking themselves out', async () => {
    const self = admin.kind === 'user' ? admin.userId : '';
    await expect(updateUser(admin, self, { active: false }, ctx)).rejects.toMatchObject({ code: 'conflict' });
    await expect(updateUser(admin, self, { role: 'VIEWER' }, ctx)).rejects.toMatchObject({ code: 'conflict' });
  });

  it("never reaches into another organisation: its users are neither listed nor changeable", async () => {
    const person = await createTestUser(orgId, 'OPERATOR');
    expect((await listUsers(otherAdmin)).map((u) => u.id)).not.toContain(person.id);
    await expect(updateUser(otherAdmin, person.id, { active: false }, ctx)).rejects.toMatchObject({ code: 'not_found' });
    expect((await getPool().query('SELECT active FROM users WHERE id = $1', [person.id])).rows[0].active).toBe(true);
  });

  it('is for admins only: not operators, not API keys', async () => {
    const person = await createTestUser(orgId, 'VIEWER');
    const operator = await resolveActor({ sessionToken: await createTestSession((await createTestUser(orgId, 'OPERATOR')).id) });
    const key = await resolveActor({ authorization: `Bearer ${(await createTestApiKey(orgId)).key}` });
    for (const actor of [operator, key]) {
      await expect(listUsers(actor)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(updateUser(actor, person.id, { active: false }, ctx)).rejects.toMatchObject({ code: 'forbidden' });
    }
  });

  it('lists the people of the organisation without password hashes', async () => {
    const users = await listUsers(admin);
    expect(users.length).toBeGreaterThan(0);
    expect(JSON.stringify(users)).not.toContain('argon2');
  });
});
