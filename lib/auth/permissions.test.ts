import { describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors';
import { ANONYMOUS, ORG_ROLES, USER_ROLES, type TActor, type TOrgRole, type TUserRole } from './actor';
import { assertCan, can, PERMISSIONS, permissionsOf, readScope, type TPermission } from './permissions';

const user = (orgRole: TOrgRole, userRole: TUserRole): TActor => ({
  kind: 'user',
  userId: 'u',
  orgId: `org-${orgRole}`,
  orgRole,
  userRole,
  email: 'a@b.example',
  name: 'A',
  orgName: 'Org',
  orgGln: '4012345000009',
  orgCountry: 'DE',
  sessionId: 's',
});
const key = (orgRole: TOrgRole, userRole: TUserRole = 'OPERATOR'): TActor => ({ kind: 'apiKey', keyId: 'k', orgId: `org-${orgRole}`, orgRole, userRole, orgName: 'Org', orgGln: '4012345000009', orgCountry: 'DE' });

const MANAGE: TPermission[] = ['keys:manage', 'users:manage', 'webhooks:manage'];
const READS: TPermission[] = ['org:read', 'catalog:read', 'events:read', 'alerts:read', 'network:read', 'ledger:audit'];

function thrownCode(fn: () => void): string | undefined {
  try {
    fn();
  } catch (error) {
    return isAppError(error) ? error.code : 'not-an-app-error';
  }
  return undefined;
}

describe('the permission table', () => {
  it('gives each organisation role the work the rules of thumb assign to it', () => {
    expect(permissionsOf('MANUFACTURER', 'OPERATOR')).toEqual(expect.arrayContaining(['catalog:write', 'serials:commission', 'events:write', 'recall:write']));
    expect(permissionsOf('DISTRIBUTOR', 'OPERATOR')).toEqual(expect.arrayContaining(['events:write', 'verify:stock']));
    expect(permissionsOf('PHARMACY', 'OPERATOR')).toEqual(expect.arrayContaining(['events:write', 'dispense', 'verify:stock']));
    expect(permissionsOf('REGULATOR', 'OPERATOR')).toEqual(expect.arrayContaining(['network:read', 'recall:write', 'ledger:audit', 'alerts:manage']));
  });

  it('lets every organisation work its own alert inbox, except its viewers; only manufacturers and the regulator recall', () => {
    for (const org of ORG_ROLES) {
      for (const role of ['ADMIN', 'OPERATOR'] as const) expect(can(user(org, role), 'alerts:manage')).toBe(true);
      expect(can(user(org, 'VIEWER'), 'alerts:manage')).toBe(false);
      expect(can(key(org), 'alerts:manage')).toBe(true);
    }
    for (const org of ['DISTRIBUTOR', 'PHARMACY'] as const) expect(can(user(org, 'ADMIN'), 'recall:write')).toBe(false);
  });

  it('keeps dangerous powers where they belong', () => {
    expect(can(user('MANUFACTURER', 'ADMIN'), 'dispense')).toBe(false);
    expect(can(user('DISTRIBUTOR', 'ADMIN'), 'dispense')).toBe(false);
    expect(can(user('DISTRIBUTOR', 'ADMIN'), 'catalog:write')).toBe(false);
    expect(can(user('PHARMACY', 'ADMIN'), 'serials:commission')).toBe(false);
    expect(can(user('REGULATOR', 'ADMIN'), 'events:write')).toBe(false);
    expect(can(user('REGULATOR', 'ADMIN'), 'dispense')).toBe(false);
    for (const role of ['MANUFACTURER', 'DISTRIBUTOR', 'PHARMACY'] as const) {
      expect(can(user(role, 'ADMIN'), 'network:read')).toBe(false);
      expect(can(user(role, 'ADMIN'), 'ledger:audit')).toBe(false);
    }
  });

  it('gives admins everything operators have plus the management permissions, and operators no management', () => {
    for (const org of ORG_ROLES) {
      const admin = permissionsOf(org, 'ADMIN');
      const operator = permissionsOf(org, 'OPERATOR');
      expect(admin).toEqual(expect.arrayContaining([...operator, ...MANAGE]));
      expect(admin.filter((p) => !operator.includes(p)).sort()).toEqual([...MANAGE].sort());
    }
  });

  it('gives viewers read permissions only, and every role can see its own organisation', () => {
    for (const org of ORG_ROLES) {
      for (const p of permissionsOf(org, 'VIEWER')) expect(READS).toContain(p);
      for (const role of USER_ROLES) expect(permissionsOf(org, role)).toContain('org:read');
    }
  });

  it('never lets an API key manage keys, users or webhooks', () => {
    for (const org of ORG_ROLES) {
      for (const p of MANAGE) expect(can(key(org), p)).toBe(false);
    }
  });

  it('lists every permission in the table at least once and nothing unknown', () => {
    const granted = new Set(ORG_ROLES.flatMap((o) => USER_ROLES.flatMap((u) => permissionsOf(o, u))));
    expect([...granted].sort()).toEqual([...PERMISSIONS].sort());
  });

  it('grants nothing to anonymous callers', () => {
    for (const p of PERMISSIONS) expect(can(ANONYMOUS, p)).toBe(false);
  });
});

describe('assertCan', () => {
  it('answers unauthenticated (401) to anonymous callers and forbidden (403) to roles without the permission', () => {
    expect(thrownCode(() => assertCan(ANONYMOUS, 'org:read'))).toBe('unauthenticated');
    expect(thrownCode(() => assertCan(user('PHARMACY', 'VIEWER'), 'dispense'))).toBe('forbidden');
    expect(thrownCode(() => assertCan(user('PHARMACY', 'OPERATOR'), 'dispense'))).toBeUndefined();
  });
});

describe('readScope', () => {
  it('lets the regulator read the whole network and everyone else only their own organisation', () => {
    expect(readScope(user('REGULATOR', 'VIEWER'))).toEqual({ all: true });
    expect(readScope(key('REGULATOR'))).toEqual({ all: true });
    expect(readScope(user('PHARMACY', 'ADMIN'))).toEqual({ all: false, orgId: 'org-PHARMACY' });
    expect(readScope(key('MANUFACTURER'))).toEqual({ all: false, orgId: 'org-MANUFACTURER' });
    expect(thrownCode(() => readScope(ANONYMOUS))).toBe('unauthenticated');
  });
});
