import { describe, expect, it } from 'vitest';
import { getPool } from '@/lib/db';
import { acceptInvite } from './accept-invite';
import { createOrganisation } from './create-organisation';
import { inviteFirstAdmin } from './invite-first-admin';

describe('onboarding an organisation from the command line', () => {
  it('invites the first administrator, who accepts and becomes the admin; a second operator invite is refused', async () => {
    const org = await createOrganisation({ name: 'Apotheke Nord', role: 'PHARMACY', gln: '4012345000009', country: 'DE' });
    const { token } = await inviteFirstAdmin(org.id, 'Chef@Apotheke-Nord.example');
    const accepted = await acceptInvite(token, { name: 'Greta Nord', password: 'a long enough passphrase' }, { ip: null });
    expect(accepted.actor).toMatchObject({ orgId: org.id, userRole: 'ADMIN', email: 'chef@apotheke-nord.example' });
    await expect(inviteFirstAdmin(org.id, 'second@apotheke-nord.example')).rejects.toMatchObject({ code: 'conflict' });
    const audit = await getPool().query(`SELECT detail FROM audit_log WHERE action = 'invite.create' AND org_id = $1`, [org.id]);
    expect(audit.rows[0].detail).toMatchObject({ role: 'ADMIN', by: 'platform operator' });
  });

  it('refuses an unknown organisation and a malformed address', async () => {
    await expect(inviteFirstAdmin('00000000-0000-4000-8000-000000000000', 'a@b.example')).rejects.toMatchObject({ code: 'not_found' });
    await expect(inviteFirstAdmin('00000000-0000-4000-8000-000000000000', 'not an address')).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
