import { describe, expect, it } from 'vitest';
import type { TOrgActor, TOrgRole, TUserRole } from '@/lib/auth/actor';
import { activeHref } from './active-href';
import { consoleNav } from './console-nav';

const actor = (orgRole: TOrgRole, userRole: TUserRole = 'ADMIN'): TOrgActor => ({ kind: 'user', userId: 'u', orgId: 'o', orgRole, userRole, email: 'a@b.example', name: 'A', orgName: 'Org', orgGln: '4012345000009', orgCountry: 'DE', sessionId: 's' });
const labels = (a: TOrgActor) => consoleNav(a).map((i) => i.label);

describe('the console navigation', () => {
  it("gives each role the sections of its day, in order, and only what its permissions allow", () => {
    expect(labels(actor('MANUFACTURER'))).toEqual(['Overview', 'Products', 'Batches', 'Packing & shipping', 'Goods in (returns)', 'Stock', 'Pack history', 'Alerts', 'Recalls', 'Webhooks', 'Settings']);
    expect(labels(actor('DISTRIBUTOR', 'OPERATOR'))).toEqual(['Overview', 'Scan station', 'Cases', 'Stock', 'Pack history', 'Alerts', 'Recalls']);
    expect(labels(actor('PHARMACY', 'VIEWER'))).toEqual(['Overview', 'Receive & return', 'Stock', 'Pack history', 'Alerts', 'Recalls']);
    expect(labels(actor('REGULATOR'))).toEqual(['Network overview', 'Event explorer', 'Batches', 'Ledger & audit', 'Pack history', 'Alerts', 'Recalls', 'Webhooks', 'Settings']);
    expect(labels(actor('PHARMACY'))).toContain('Dispensing');
    expect(labels(actor('MANUFACTURER', 'VIEWER'))).not.toContain('Goods in (returns)');
  });

  it('marks the section a page belongs to by the longest matching path, not the overview', () => {
    const items = consoleNav(actor('MANUFACTURER'));
    expect(activeHref(items, '/console')).toBe('/console');
    expect(activeHref(items, '/console/batches/123/labels')).toBe('/console/batches');
    expect(activeHref(items, '/console/cases/340987650000000011')).toBe('/console/shipping');
    expect(activeHref(items, '/console/settings/users')).toBe('/console/settings');
    expect(activeHref(items, '/console/batchesque')).toBeNull();
  });
});
