import { ALERTS_CODES } from './codes/alerts';
import { AUTH_CODES } from './codes/auth';
import { CATALOG_CODES } from './codes/catalog';
import { COMMON_CODES } from './codes/common';
import { EPCIS_CODES } from './codes/epcis';
import { EVENTS_CODES } from './codes/events';
import { GS1_CODES } from './codes/gs1';
import { LEDGER_CODES } from './codes/ledger';
import { VERIFY_CODES } from './codes/verify';

/**
 * Every stable error code the platform answers with, and its HTTP status: the
 * single code-to-status map, assembled from one table per domain
 * (lib/errors/codes/<domain>.ts). Codes are part of the public API (clients
 * switch on them): never rename one, add a new one instead.
 */
export const ERROR_CODES = {
  ...COMMON_CODES,
  ...AUTH_CODES,
  ...GS1_CODES,
  ...CATALOG_CODES,
  ...EVENTS_CODES,
  ...EPCIS_CODES,
  ...LEDGER_CODES,
  ...VERIFY_CODES,
  ...ALERTS_CODES,
} as const;

export type TErrorCode = keyof typeof ERROR_CODES;

export function statusOf(code: TErrorCode): number {
  return ERROR_CODES[code].status;
}
