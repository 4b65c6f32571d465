import { beforeAll, describe, expect, it } from 'vitest';
import { getPool } from '@/lib/db';
import type { TActor } from './actor';
import { createApiKey } from './create-api-key';
import { listApiKeys } from './list-api-keys';
import { resolveActor } from './resolve-actor';
import { revokeApiKey } from './revoke-api-key';
import { createTestApiKey, createTestOrg, createTestSession, createTestUser } from './test-fixtures';
import { sha256Hex } from './tokens';

let admin: TActor;
let operator: TActor;
let otherAdmin: TActor;
const ctx = { ip: '192.0.2.10' };

async function signedIn(orgId: string, role: 'ADMIN' | 'OPERATOR'): Promise<TActor> {
  const user = await createTestUser(orgId, role);
  return resolveActor({ sessionToken: await createTestSession(user.id) });
}

beforeAll(async () => {
  const org = await createTestOrg('MANUFACTURER');
  const other = await createTestOrg('MANUFACTURER');
  admin = await signedIn(org.id, 'ADMIN');
  operator = await signedIn(org.id, 'OPERATOR');
  otherAdmin = await signedIn(other.id, 'ADMIN');
});

describe('API keys', () => {
  it('are shown in full once, stored only as a SHA-256 with a visible prefix, and work as Bearer keys', async () => {
    const created = await createApiKey(admin, { name: 'Line 3 serializer', role: 'OPERATOR' }, ctx);
    expect(created.key).toMatch(/^ptk_[A-Za-z0-9_-]{43}$/);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    const { rows } = await getPool().query('SELECT * FROM api_keys WHERE id = $1', [created.id]);
    expect(rows[0].secret_hash).toBe(sha256Hex(created.key));
    expect(JSON.stringify(rows[0])).not.toContain(created.key.slice(12));
    const listed = await listApiKeys(admin);
    expect(listed.find((k) => k.id === created.id)).toEqual({
      id: created.id,
      name: 'Line 3 serializer',
      prefix: created.prefix,
      role: 'OPERATOR',
      createdAt: created.createdAt,
      createdBy: admin.kind === 'user' ? admin.name : null,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(JSON.stringify(listed)).not.toContain(created.key);
    await expect(resolveActor({ authorization: `Bearer ${created.key}` })).resolves.toMatchObject({ kind: 'apiKey', keyId: created.id, userRole: 'OPERATOR' });
  });

  it('stop working once revoked; revoking again changes nothing and is audited once', async () => {
    const created = await createApiKey(admin, { name: 'Old scanner', role: 'VIEWER' }, ctx);
    const revoked = await revokeApiKey(admin, created.id, ctx);
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    await expect(resolveActor({ authorization: `Bearer ${created.key}` })).rejects.toMatchObject({ code: 'api_key_invalid' });
    const again = await revokeApiKey(admin, created.id, ctx);
    expect(again.revokedAt).toEqual(revoked.revokedAt);
    const audit = await getPool().query(`SELECT action, ip FROM audit_log WHERE target_id = $1 ORDER BY id`, [created.id]);
    expect(audit.rows).toEqual([
      { action: 'api_key.create', ip: '192.0.2.10' },
      { action: 'api_key.revoke', ip: '192.0.2.10' },
    ]);
  });

  it("are each organisation's own: another organisation can neither see nor revoke them", async () => {
    const created = await createApiKey(admin, { name: 'ERP link', role: 'OPERATOR' }, ctx);
    expect((await listApiKeys(otherAdmin)).map((k) => k.id)).not.toContain(created.id);
    await expect(revokeApiKey(otherAdmin, created.id, ctx)).rejects.toMatchObject({ code: 'not_found' });
    await expect(revokeApiKey(admin, 'not-a-uuid', ctx)).rejects.toMatchObject({ code: 'not_found' });
    await expect(resolveActor({ authorization: `Bearer ${created.key}` })).resolves.toMatchObject({ kind: 'apiKey' });
  });

  it('are managed by admins only, never by operators or by API keys themselves', async () => {
    const keyActor = await resolveActor({ authorization: `Bearer ${(await createTestApiKey(admin.kind === 'user' ? admin.orgId : '')).key}` });
    for (const actor of [operator, keyActor]) {
      await expect(createApiKey(actor, { name: 'sneaky', role: 'OPERATOR' }, ctx)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(listApiKeys(actor)).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(createApiKey({ kind: 'anonymous' }, { name: 'x', role: 'OPERATOR' }, ctx)).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
