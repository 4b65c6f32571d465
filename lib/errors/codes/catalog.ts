import type { TCodeTable } from './types';

/** Products, batches, serialization (lib/catalog). */
export const CATALOG_CODES = {
  product_exists: { status: 409, title: 'A product with this GTIN is already registered' },
  gtin_not_yours: { status: 403, title: "The GTIN is not under one of your organisation's GS1 company prefixes" },
  company_prefix_length_mismatch: { status: 422, title: 'The company prefix length does not match your company prefix' },
  product_not_found: { status: 404, title: 'No such product' },
  batch_exists: { status: 409, title: 'The product already has a batch with this lot number' },
  batch_not_found: { status: 404, title: 'No such batch' },
  serials_invalid: { status: 422, title: 'Some serial numbers cannot be commissioned' },
} as const satisfies TCodeTable;
