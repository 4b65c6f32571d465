import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { lookupAi } from './ai-table';
import { parseElementString } from './parse-element-string';
import { isValidAiValue, validateAiValue } from './validate-ai-value';

/**
 * Run-on detection probes every split point of a field without creating
 * errors (isValidAiValue and the probe in read-element-string.ts). These
 * properties pin that the probe answers exactly what the throwing
 * validator answers, so the speed-up changed no verdict.
 */
const today = new Date('2026-05-01T12:00:00Z');
const GS = '\u001d';
const AIS = ['00', '01', '02', '10', '11', '15', '17', '21', '22', '235', '240', '241', '254', '30', '37', '400', '410', '414', '417', '422', '7003', '710', '711', '712', '713', '714', '715', '716', '8003', '8004', '8006', '8010', '8017', '8018', '8019'].filter((ai) => lookupAi(ai));

// Digits dominate (numeric fields, dates, check digits), with letters and CSET 82 punctuation sprinkled in.
const gs1Char = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...'0123456789') }, { weight: 2, arbitrary: fc.constantFrom(...'ABCLXZabc') }, { weight: 1, arbitrary: fc.constantFrom(...'-./%&()*+,:;<=>?_! ') });
const value = fc.array(gs1Char, { maxLength: 36 }).map((chars) => chars.join(''));

function throws(run: () => unknown): boolean {
  try {
    run();
    return false;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return true;
  }
}

describe('the run-on probe agrees with the validator', () => {
  it('isValidAiValue(def, v) is true exactly when validateAiValue(ai, v) does not throw, for every AI', () => {
    fc.assert(
      fc.property(fc.constantFrom(...AIS), value, (ai, v) => {
        expect(isValidAiValue(lookupAi(ai)!, v, today)).toBe(!throws(() => validateAiValue(ai, v, { today })));
      }),
      { numRuns: 20_000 },
    );
  });

  it('element strings built from AI fragments read the same as before: every outcome is elements or a gs1_* error', () => {
    const fragment = fc.tuple(fc.constantFrom(...AIS), value, fc.boolean()).map(([ai, v, gs]) => `${ai}${v}${gs ? GS : ''}`);
    fc.assert(
      fc.property(fc.array(fragment, { minLength: 1, maxLength: 5 }), (parts) => {
        try {
          const fields = parseElementString(parts.join(''), { today });
          expect(fields).toBeTypeOf('object');
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toMatch(/^gs1_/);
        }
      }),
      { numRuns: 5_000 },
    );
  });
});
