import { describe, expect, it } from 'vitest';
import { getPool } from '@/lib/db';
import { withCheckDigit } from '@/lib/gs1/check-digit';
import { createOrganisation } from './create-organisation';

describe('createOrganisation', () => {
  it('registers an organisation with a valid GLN and country, audited', async () => {
    const gln = withCheckDigit('409000000017');
    const org = await createOrganisation({ name: ' Apotheke Nord ', role: 'PHARMACY', gln, country: 'de' });
    expect(org).toMatchObject({ name: 'Apotheke Nord', role: 'PHARMACY', gln, country: 'DE', companyPrefixes: [] });
    const audit = await getPool().query(`SELECT action FROM audit_log WHERE target_id = $1`, [org.id]);
    expect(audit.rows).toEqual([{ action: 'organisation.create' }]);
  });

  it('refuses a wrong check digit, a second organisation with the same GLN, and prefixes for non-manufacturers', async () => {
    const gln = withCheckDigit('409000000024');
    const wrong = gln.slice(0, 12) + String((Number(gln[12]) + 3) % 10);
    await expect(createOrganisation({ name: 'X', role: 'DISTRIBUTOR', gln: wrong, country: 'DE' })).rejects.toMatchObject({ code: 'validation_failed' });
    await createOrganisation({ name: 'First', role: 'DISTRIBUTOR', gln, country: 'DE' });
    await expect(createOrganisation({ name: 'Second', role: 'DISTRIBUTOR', gln, country: 'DE' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      createOrganisation({ name: 'Y', role: 'PHARMACY', gln: withCheckDigit('409000000031'), country: 'DE', companyPrefixes: ['4098765'] }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    const count = await getPool().query('SELECT count(*)::int AS n FROM organisations WHERE gln = $1', [gln]);
    expect(count.rows[0].n).toBe(1);
  });
});
