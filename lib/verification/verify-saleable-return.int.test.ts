import { beforeAll, describe, expect, it } from 'vitest';
import { getPool } from '@/lib/db';
import { scan } from '@/lib/events/testing/fixtures';
import { alertsFor, createTestNetwork, snapshot, type TTestNetwork } from '@/lib/events/testing/network';
import { yymmddFromIso } from '@/lib/gs1';
import { flushLookups } from './lookup-log';
import { packKey, toPharmacy } from './testing/journeys';
import { verifySaleableReturn, type TLvmRequest } from './verify-saleable-return';

/*
 * The saleable-returns check in the GS1 Lightweight Verification Messaging
 * shape: a distributor asks about GTIN, lot, serial and expiry of a
 * returned pack and gets verified, or the standard's failure reason.
 */
let n: TTestNetwork;
let next = 0;
const fresh = () => next++;
const exp = () => yymmddFromIso(n.batch.expiry, { ai: '17' });
const request = (i: number, override: Partial<TLvmRequest> = {}): TLvmRequest => ({ gtin: n.batch.gtin, lot: n.batch.lot, serial: n.serials[i]!, expiry: exp(), ...override });

beforeAll(async () => {
  n = await createTestNetwork(20);
});

describe('saleable-returns verification (GS1 LVM)', () => {
  it('verifies a genuine pack that may be redistributed, echoes corrUUID, names the manufacturer as responder, records nothing in the ledger', async () => {
    const i = fresh();
    await toPharmacy(n, i);
    const before = await snapshot();
    const corrUUID = '4f2d6a8e-2b1c-4f5e-9a7d-3c8b1e0f6a21';
    const answer = await verifySaleableReturn(n.dist.actor, { ...request(i), linkType: 'gs1:verificationService', context: 'dscsaSaleableReturn', reqGLN: n.dist.gln, corrUUID });
    expect(answer).toEqual({ verificationTimestamp: expect.any(String), responderGLN: n.maker.gln, data: { verified: true }, corrUUID });
    expect(await snapshot()).toEqual(before);
  });

  it('answers No_match_GTIN_Serial for a serial never issued, and the lot / expiry variants for a box that contradicts its serial', async () => {
    const i = fresh();
    expect((await verifySaleableReturn(n.dist.actor, request(i, { serial: 'NOTISSUED55' }))).data).toEqual({ verified: false, verificationFailureReason: 'No_match_GTIN_Serial' });
    expect((await verifySaleableReturn(n.dist.actor, request(i, { lot: 'OTHER1' }))).data).toEqual({ verified: false, verificationFailureReason: 'No_match_GTIN_Serial_Lot' });
    expect((await verifySaleableReturn(n.dist.actor, request(i, { expiry: '311231' }))).data).toEqual({ verified: false, verificationFailureReason: 'No_match_GTIN_Serial_Expiry' });
    expect((await verifySaleableReturn(n.dist.actor, request(i, { lot: 'OTHER1', expiry: '311231' }))).data).toEqual({ verified: false, verificationFailureReason: 'No_match_GTIN_Serial_Lot_Expiry' });
    expect((await alertsFor(`01/${n.batch.gtin}/21/NOTISSUED55`))[0]).toMatchObject({ code: 'unknown_serial', raised_by_org_id: n.dist.id });
    expect((await alertsFor(packKey(n, i))).map((a) => a.code)).toContain('batch_mismatch');
  });

  it('refuses redistribution of dispensed, recalled, stolen and destroyed packs with the reason in additionalInfo', async () => {
    const [dispensed, recalled, stolen, destroyed] = [fresh(), fresh(), fresh(), fresh()];
    await toPharmacy(n, dispensed);
    await scan(n.pharmacy, { kind: 'dispense', codes: [n.code(dispensed)] });
    await scan(n.maker, { kind: 'recall', codes: [n.code(recalled)] }, { kind: 'stolen', codes: [n.code(stolen)] }, { kind: 'destroy', codes: [n.code(destroyed)] });
    const data = async (i: number) => (await verifySaleableReturn(n.dist.actor, request(i))).data;
    expect(await data(dispensed)).toEqual({ verified: false, verificationFailureReason: 'Not_for_re-distribution', additionalInfo: 'Suspect' });
    expect(await data(recalled)).toEqual({ verified: false, verificationFailureReason: 'Not_for_re-distribution', additionalInfo: 'Recalled' });
    expect(await data(stolen)).toEqual({ verified: false, verificationFailureReason: 'Not_for_re-distribution', additionalInfo: 'Illegitimate' });
    expect(await data(destroyed)).toEqual({ verified: false, verificationFailureReason: 'Not_for_re-distribution', additionalInfo: 'Illegitimate' });
  });

  it('refuses another organisation\'s GLN as requester, a link type or context it does not serve, and callers without verify:stock', async () => {
    const i = fresh();
    await expect(verifySaleableReturn(n.dist.actor, request(i, { reqGLN: n.dist2.gln }))).rejects.toMatchObject({ code: 'lvm_requester_mismatch', status: 403 });
    await expect(verifySaleableReturn(n.dist.actor, request(i, { linkType: 'gs1:pip' }))).rejects.toMatchObject({ code: 'lvm_link_type_unsupported', status: 400 });
    await expect(verifySaleableReturn(n.dist.actor, request(i, { context: 'euFmdReturn' }))).rejects.toMatchObject({ code: 'lvm_context_unsupported', status: 400 });
    await expect(verifySaleableReturn(n.maker.actor, request(i))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(verifySaleableReturn(n.dist.actor, request(i, { expiry: '271340' }))).rejects.toMatchObject({ code: 'gs1_invalid_date' });
  });

  it('counts the check in the lookup statistics as a saleable-returns lookup', async () => {
    await verifySaleableReturn(n.dist.actor, request(fresh(), { serial: 'LVMSTATS01' }));
    await flushLookups();
    const { rows } = await getPool().query("SELECT verdict, channel FROM verification_lookups WHERE serial = 'LVMSTATS01'");
    expect(rows).toEqual([{ verdict: 'UNKNOWN', channel: 'lvm' }]);
  });
});
