import { beforeAll, describe, expect, it } from 'vitest';
import { getPool } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { resolveActor } from './resolve-actor';
import { signIn, SIGN_IN_LIMITS } from './sign-in';
import { createTestOrg, createTestUser, TEST_PASSWORD } from './test-fixtures';

let orgId: string;

beforeAll(async () => {
  orgId = (await createTestOrg('PHARMACY')).id;
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function auditRows(action: string, email: string) {
  const { rows } = await getPool().query<{ org_id: string | null; ip: string | null; detail: Record<string, unknown> }>(
    `SELECT org_id, ip, detail FROM audit_log WHERE action = $1 AND (detail->>'email' = $2 OR target_id IN (SELECT id::text FROM users WHERE email = $2)) ORDER BY id`,
    [action, email],
  );
  return rows;
}

describe('signIn', () => {
  it('starts a session for the right password, whatever the case of the e-mail, and audits it', async () => {
    const user = await createTestUser(orgId, 'OPERATOR');
    const result = await signIn({ email: user.email, password: TEST_PASSWORD, ip: '192.0.2.1', userAgent: 'test' });
    const actor = await resolveActor({ sessionToken: result.token });
    expect(actor).toMatchObject({ kind: 'user', userId: user.id, orgId, orgRole: 'PHARMACY', userRole: 'OPERATOR' });
    expect(result.expiresAt.getTime() - Date.now()).toBeGreaterThan(11 * 3600_000);
    const stored = await getPool().query('SELECT 1 FROM sessions WHERE id = $1', [result.token]);
    expect(stored.rowCount).toBe(0); // only the hash is stored
    expect(await auditRows('auth.sign_in', user.email)).toEqual([expect.objectContaining({ org_id: orgId, ip: '192.0.2.1' })]);
    const { rows } = await getPool().query('SELECT last_sign_in_at FROM users WHERE id = $1', [user.id]);
    expect(rows[0].last_sign_in_at).not.toBeNull();
  });

  it('answers a wrong password, an unknown e-mail and a deactivated account identically, and audits each', async () => {
    const user = await createTestUser(orgId, 'VIEWER');
    const inactive = await createTestUser(orgId, 'VIEWER', { active: false });
    const wrong = await failure(signIn({ email: user.email, password: 'not the password', ip: '192.0.2.2' }));
    const unknown = await failure(signIn({ email: 'nobody@test.example', password: 'whatever it is', ip: '192.0.2.2' }));
    const deactivated = await failure(signIn({ email: inactive.email, password: TEST_PASSWORD, ip: '192.0.2.2' }));
    for (const error of [wrong, unknown, deactivated]) {
      expect(error.code).toBe('invalid_credentials');
      expect(error.status).toBe(401);
      expect(error.detail).toBe(wrong.detail);
    }
    expect((await auditRows('auth.sign_in_failed', user.email))[0]?.detail).toMatchObject({ reason: 'wrong_password' });
    expect((await auditRows('auth.sign_in_failed', 'nobody@test.example'))[0]).toMatchObject({ org_id: null, detail: { reason: 'unknown_email' } });
    expect((await auditRows('auth.sign_in_failed', inactive.email))[0]?.detail).toMatchObject({ reason: 'inactive' });
  });

  it('does the same password-hashing work for unknown e-mails as for known ones', async () => {
    const user = await createTestUser(orgId, 'VIEWER');
    const time = async (email: string, ip: string) => {
      const started = performance.now();
      await signIn({ email, password: 'definitely wrong', ip }).catch(() => undefined);
      return performance.now() - started;
    };
    await time('warm-up@test.example', '192.0.2.30');
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await time(user.email, `192.0.2.${40 + i}`));
      unknown.push(await time(`ghost-${i}@test.example`, `192.0.2.${50 + i}`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[1]!;
    // Without the dummy hash an unknown address would answer in a millisecond or two.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.4);
  });

  it('throttles an account after five attempts in the window, even with the right password, and says how long to wait', async () => {
    const user = await createTestUser(orgId, 'OPERATOR');
    for (let i = 0; i < SIGN_IN_LIMITS.account.limit; i++) {
      expect((await failure(signIn({ email: user.email, password: `guess number ${i}`, ip: `198.51.100.${i + 1}` }))).code).toBe('invalid_credentials');
    }
    const throttled = await failure(signIn({ email: user.email, password: TEST_PASSWORD, ip: '198.51.100.99' }));
    expect(throttled.code).toBe('too_many_attempts');
    expect(throttled.status).toBe(429);
    const retryAfter = throttled.extra?.retryAfterSeconds as number;
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(SIGN_IN_LIMITS.account.windowSeconds);
    expect(await auditRows('auth.sign_in_throttled', user.email)).toEqual([expect.objectContaining({ detail: expect.objectContaining({ by: 'account' }) })]);
    // Another account is not affected.
    const other = await createTestUser(orgId, 'OPERATOR');
    await expect(signIn({ email: other.email, password: TEST_PASSWORD, ip: '198.51.100.99' })).resolves.toHaveProperty('token');
  });

  it('lets the window pass: once it has ended the account can sign in again', async () => {
    const user = await createTestUser(orgId, 'OPERATOR');
    for (let i = 0; i <= SIGN_IN_LIMITS.account.limit; i++) await signIn({ email: user.email, password: 'wrong wrong', ip: '198.51.100.150' }).catch(() => undefined);
    await expect(signIn({ email: user.email, password: TEST_PASSWORD, ip: '198.51.100.150' })).rejects.toMatchObject({ code: 'too_many_attempts' });
    const owner = new (await import('pg')).default.Client({ connectionString: process.env.TEST_OWNER_URL });
    await owner.connect();
    await owner.query(`UPDATE rate_limits SET window_start = now() - interval '16 minutes' WHERE key = $1`, [`sign-in:account:${user.email}`]);
    await owner.end();
    await expect(signIn({ email: user.email, password: TEST_PASSWORD, ip: '198.51.100.150' })).resolves.toHaveProperty('token');
  });

  it('clears the account counter after a successful sign-in', async () => {
    const user = await createTestUser(orgId, 'OPERATOR');
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < SIGN_IN_LIMITS.account.limit - 1; i++) await signIn({ email: user.email, password: 'typo typo', ip: '203.0.113.9' }).catch(() => undefined);
      await expect(signIn({ email: user.email, password: TEST_PASSWORD, ip: '203.0.113.9' })).resolves.toHaveProperty('token');
    }
  });

  it('throttles one IP spraying many accounts, with a higher limit than per account', async () => {
    const ip = '203.0.113.77';
    for (let i = 0; i < SIGN_IN_LIMITS.ip.limit; i++) {
      expect((await failure(signIn({ email: `spray-${i}@test.example`, password: 'Summer2026!', ip }))).code).toBe('invalid_credentials');
    }
    const user = await createTestUser(orgId, 'OPERATOR');
    expect((await failure(signIn({ email: user.email, password: TEST_PASSWORD, ip }))).code).toBe('too_many_attempts');
    await expect(signIn({ email: user.email, password: TEST_PASSWORD, ip: '203.0.113.78' })).resolves.toHaveProperty('token');
  });

  it('counts parallel attempts exactly: a burst cannot slip past the limit', async () => {
    const user = await createTestUser(orgId, 'OPERATOR');
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => signIn({ email: user.email, password: `burst ${i}`, ip: `192.0.2.${100 + i}` })),
    );
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as AppError).code : 'signed-in'));
    expect(codes.filter((c) => c === 'invalid_credentials')).toHaveLength(SIGN_IN_LIMITS.account.limit);
    expect(codes.filter((c) => c === 'too_many_attempts')).toHaveLength(12 - SIGN_IN_LIMITS.account.limit);
  });
});
