import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { getPool } from '@/lib/db';
import { resolveActor } from './resolve-actor';
import { createTestApiKey, createTestOrg, createTestSession, createTestUser } from './test-fixtures';

let orgId: string;
let orgGln: string;
let userId: string;

beforeAll(async () => {
  const org = await createTestOrg('DISTRIBUTOR', 'Rhein Test KG');
  orgId = org.id;
  orgGln = org.gln;
  userId = (await createTestUser(orgId, 'OPERATOR')).id;
});

/** Test set-up that moves timestamps back, done as the owner role rather than through the app. */
async function asOwner(sql: string, values: unknown[]): Promise<void> {
  const owner = new pg.Client({ connectionString: process.env.TEST_OWNER_URL });
  await owner.connect();
  try {
    await owner.query(sql, values);
  } finally {
    await owner.end();
  }
}

describe('resolveActor', () => {
  it('is anonymous without credentials', async () => {
    await expect(resolveActor({})).resolves.toEqual({ kind: 'anonymous' });
    await expect(resolveActor({ sessionToken: null, authorization: '  ' })).resolves.toEqual({ kind: 'anonymous' });
  });

  it('finds the user, organisation and roles behind a live session', async () => {
    const token = await createTestSession(userId);
    await expect(resolveActor({ sessionToken: token })).resolves.toMatchObject({
      kind: 'user',
      userId,
      orgId,
      orgRole: 'DISTRIBUTOR',
      userRole: 'OPERATOR',
      orgName: 'Rhein Test KG',
      orgGln,
      orgCountry: 'DE',
    });
  });

  it('refuses expired, unknown, malformed sessions and those of deactivated users: never silently anonymous', async () => {
    const expired = await createTestSession(userId, { expired: true });
    await expect(resolveActor({ sessionToken: expired })).rejects.toMatchObject({ code: 'session_expired' });
    await expect(resolveActor({ sessionToken: 'A'.repeat(43) })).rejects.toMatchObject({ code: 'session_expired' });
    await expect(resolveActor({ sessionToken: "x' OR 1=1 --" })).rejects.toMatchObject({ code: 'session_expired' });
    const gone = await createTestUser(orgId, 'VIEWER');
    const token = await createTestSession(gone.id);
    await getPool().query('UPDATE users SET active = false WHERE id = $1', [gone.id]);
    await expect(resolveActor({ sessionToken: token })).rejects.toMatchObject({ code: 'session_expired' });
  });

  it('accepts a Bearer API key as its organisation with the key role', async () => {
    const { id, key } = await createTestApiKey(orgId, { role: 'VIEWER' });
    await expect(resolveActor({ authorization: `Bearer ${key}` })).resolves.toEqual({
      kind: 'apiKey',
      keyId: id,
      orgId,
      orgRole: 'DISTRIBUTOR',
      userRole: 'VIEWER',
      orgName: 'Rhein Test KG',
      orgGln,
      orgCountry: 'DE',
    });
    await expect(resolveActor({ authorization: `bearer   ${key}` })).resolves.toMatchObject({ keyId: id });
  });

  it('refuses revoked, unknown and malformed keys and other schemes', async () => {
    const revoked = await createTestApiKey(orgId, { revoked: true });
    for (const authorization of [`Bearer ${revoked.key}`, `Bearer ptk_${'a'.repeat(43)}`, 'Bearer nonsense', `Basic ${btoa('a:b')}`, 'Bearer']) {
      await expect(resolveActor({ authorization })).rejects.toMatchObject({ code: 'api_key_invalid' });
    }
  });

  it('prefers the Bearer key when a cookie is sent too', async () => {
    const { id, key } = await createTestApiKey(orgId);
    const token = await createTestSession(userId);
    await expect(resolveActor({ sessionToken: token, authorization: `Bearer ${key}` })).resolves.toMatchObject({ kind: 'apiKey', keyId: id });
  });

  it('records when a key was last used, writing at most once a minute', async () => {
    const { id, key } = await createTestApiKey(orgId);
    const lastUsed = async () => (await getPool().query<{ t: Date | null }>('SELECT last_used_at AS t FROM api_keys WHERE id = $1', [id])).rows[0]!.t;
    expect(await lastUsed()).toBeNull();
    await resolveActor({ authorization: `Bearer ${key}` });
    const first = await lastUsed();
    expect(first).not.toBeNull();
    await resolveActor({ authorization: `Bearer ${key}` });
    expect(await lastUsed()).toEqual(first);
    // A minute later (moved back in time, and past this process's own memory) it is written again.
    await asOwner(`UPDATE api_keys SET last_used_at = now() - interval '2 minutes' WHERE id = $1`, [id]);
    const { actorFromApiKey } = await import('./api-key-actor');
    const realNow = Date.now;
    Date.now = () => realNow() + 120_000;
    try {
      await actorFromApiKey(key);
    } finally {
      Date.now = realNow;
    }
    expect((await lastUsed())!.getTime()).toBeGreaterThan(first!.getTime());
  });

  it('refreshes a session last-seen time at most once a minute', async () => {
    const token = await createTestSession(userId);
    const seen = async () =>
      (await getPool().query<{ t: Date }>('SELECT last_seen_at AS t FROM sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1', [userId])).rows[0]!.t;
    await asOwner(`UPDATE sessions SET last_seen_at = now() - interval '5 minutes' WHERE user_id = $1`, [userId]);
    const before = await seen();
    await resolveActor({ sessionToken: token });
    const after = await seen();
    expect(after.getTime()).toBeGreaterThan(before.getTime() + 60_000);
    await resolveActor({ sessionToken: token });
    expect(await seen()).toEqual(after);
  });
});
