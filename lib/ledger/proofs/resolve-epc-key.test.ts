import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { resolveEpcKey } from './resolve-epc-key';

const PACK = '01/09506000134352/21/ABC123';

describe('resolveEpcKey', () => {
  it.each([
    ['the canonical key itself', PACK],
    ['an SGTIN URN', 'urn:epc:id:sgtin:9506000.013435.ABC123'],
    ['a Digital Link on a brand host with expiry and lot', 'https://brand.example/01/09506000134352/10/L7/21/ABC123?17=271231'],
    ['bracketed text from under the symbol', '(01)09506000134352(17)271231(10)L7(21)ABC123'],
    ['a scanned element string with FNC1 as GS', ']d20109506000134352172712311021ABC123'.replace('1021ABC123', '10L7\u001d21ABC123')],
    ['surrounding whitespace', `  ${PACK}\n`],
  ])('reads %s as the pack key stored for events', (_, code) => {
    expect(resolveEpcKey(code)).toBe(PACK);
  });

  it('reads an SSCC as the case key', () => {
    expect(resolveEpcKey('(00)106141412345678908')).toBe('00/106141412345678908');
  });

  it.each([
    ['a wrong check digit', '(01)09506000134353(21)ABC123'],
    ['text that is no code', 'counterfeit?'],
    ['a non-canonical key spelling', '01/9506000134352/21/ABC123'],
  ])('refuses %s with a gs1 error (422)', (_, code) => {
    let error: unknown;
    try {
      resolveEpcKey(code);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toMatch(/^gs1_/);
    expect((error as AppError).status).toBe(422);
  });
});
