/**
 * The catalogue: products (GTIN), batches (lot, expiry) and serialization.
 *
 *   registerProduct(actor, input)             POST /api/v1/products
 *   listProducts(actor, query) / getProduct   GET  /api/v1/products[/{gtin}]
 *   registerBatch(actor, input)               POST /api/v1/batches
 *   listBatches(actor, query) / getBatch      GET  /api/v1/batches[/{id}]
 *   commissionBatch(actor, id, input, opts)   POST /api/v1/batches/{id}/commission (random serials)
 *   importSerials(actor, id, csv, opts)       POST /api/v1/batches/{id}/serials (own serials, text/csv)
 *
 * Commissioning records its one event through lib/events, which creates the
 * packs: there is no other way for a pack to come into existence.
 */
export { registerProduct } from './register-product';
export { getProduct, listProducts } from './list-products';
export { registerBatch } from './register-batch';
export { listBatches } from './list-batches';
export { getBatch, type TBatchDetail, type TPackCounts } from './get-batch';
export { commissionBatch } from './commission-batch';
export { importSerials } from './import-serials';
export { readSerialsCsv } from './read-serials-csv';
export type { TCommissioned, TCommissionOptions } from './commission-serials';
export type { TProduct } from './product-summary';
export type { TBatch } from './batch-summary';
export { MAX_COMMISSION_COUNT, ZBatchInput, ZBatchQuery, ZCommissionInput, ZGtin, ZProductInput, ZProductQuery, type TBatchInput, type TCommissionInput, type TProductInput } from './schemas';
