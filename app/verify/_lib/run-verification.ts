import { headers } from 'next/headers';
import { clientIp } from '@/lib/auth/client-ip';
import { isAppError } from '@/lib/errors';
import { assertVerifyRate } from '@/lib/verification/rate-limit';
import type { TVerdict, TVerifyInput } from '@/lib/verification/types';
import { verifyCode } from '@/lib/verification/verify-code';
import type { TFormError } from '../_components/verify-form';

type TSearchParams = Record<string, string | string[] | undefined>;

/** The page's inputs from its query string; a product picked from the list stands for the GTIN when none is typed. */
export function verifyInputOf(params: TSearchParams): TVerifyInput & { product?: string } {
  const one = (name: string) => {
    const value = params[name];
    const text = Array.isArray(value) ? value[0] : value;
    return text === undefined ? undefined : text.slice(0, 4096);
  };
  const product = one('product') || undefined;
  return { code: one('code'), gtin: one('gtin') || product, lot: one('lot'), serial: one('serial'), expiry: one('expiry'), product };
}

export const hasInput = (input: TVerifyInput) => [input.code, input.gtin, input.lot, input.serial, input.expiry].some((v) => v !== undefined && v.trim() !== '');

/**
 * The public verdict for the page, with the same per-client limit as the
 * API; a refusal (an unreadable code, too many checks) becomes the form's
 * error message instead of an error page.
 */
export async function runVerification(input: TVerifyInput): Promise<{ verdict: TVerdict } | { error: TFormError }> {
  try {
    assertVerifyRate(clientIp(await headers()));
    return { verdict: await verifyCode(input, { channel: 'page' }) };
  } catch (error) {
    if (!isAppError(error) || error.status >= 500) throw error;
    const field = typeof error.extra?.field === 'string' ? error.extra.field : error.errors?.[0]?.pointer?.slice(1);
    return { error: { detail: error.detail, field } };
  }
}
