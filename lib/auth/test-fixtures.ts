import { randomBytes, randomInt } from 'node:crypto';
import { getPool } from '@/lib/db';
import { withCheckDigit } from '@/lib/gs1/check-digit';
import type { TOrgRole, TUserRole } from './actor';
import { createOrganisation } from './create-organisation';
import { createSession } from './create-session';
import { hashPassword } from './password';
import { SESSION_COOKIE } from './session-cookie';
import { randomToken, sha256Hex } from './tokens';

/**
 * Builders for integration tests (here and in other domains): real rows in
 * the test's own database, created the way production creates them.
 */
export const TEST_PASSWORD = 'correct horse battery staple';

let passwordHash: Promise<string> | undefined;
const testPasswordHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

export function randomGln(): string {
  return withCheckDigit(String(randomInt(100_000_000, 999_999_999)) + String(randomInt(100, 999)));
}

export async function createTestOrg(role: TOrgRole, name = `${role.toLowerCase()} ${randomBytes(3).toString('hex')}`) {
  return createOrganisation({ name, role, gln: randomGln(), country: 'DE', companyPrefixes: role === 'MANUFACTURER' ? [String(randomInt(1_000_000, 9_999_999))] : [] });
}

export async function createTestUser(orgId: string, role: TUserRole, options: { active?: boolean; email?: string } = {}): Promise<{ id: string; email: string }> {
  const email = options.email ?? `${role.toLowerCase()}-${randomBytes(5).toString('hex')}@test.example`;
  const { rows } = await getPool().query<{ id: string }>(
    'INSERT INTO users (org_id, email, name, password_hash, role, active) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
    [orgId, email, `Test ${role.toLowerCase()}`, await testPasswordHash(), role, options.active ?? true],
  );
  return { id: rows[0]!.id, email };
}

/** A session token for the user; `expired` backdates it past its expiry. */
export async function createTestSession(userId: string, options: { expired?: boolean } = {}): Promise<string> {
  if (!options.expired) return (await createSession(getPool(), userId)).token;
  const token = randomToken();
  await getPool().query(
    `INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES ($1, $2, now() - interval '13 hours', now() - interval '1 hour')`,
    [sha256Hex(token), userId],
  );
  return token;
}

export async function createTestApiKey(orgId: string, options: { role?: 'OPERATOR' | 'VIEWER'; revoked?: boolean } = {}): Promise<{ id: string; key: string }> {
  const key = `ptk_${randomToken()}`;
  const { rows } = await getPool().query<{ id: string }>(
    `INSERT INTO api_keys (org_id, name, prefix, secret_hash, role, revoked_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [orgId, 'test key', key.slice(0, 12), sha256Hex(key), options.role ?? 'OPERATOR', options.revoked ? new Date() : null],
  );
  return { id: rows[0]!.id, key };
}

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}`;
}
