/**
 * lib/console: read models and station actions of the role consoles
 * (docs/decisions/080-084). Each reads with the same scoping as the domain
 * that owns the rows (readScope, docs/decisions/050) and writes only
 * through lib/events, so the consoles add no second path into the ledger.
 *
 * READ
 *   listOrganisations(actor, { roles?, exceptOwn? })        destinations and filters
 *   listBatchPage(actor, query): TPage<TBatchRowView>       batches table (q, status, page)
 *   listBatchPacks(actor, batchId, query)                   packs of a batch (manufacturer, regulator)
 *   listCommissionRuns(actor, batch)                        commissioning events of a batch
 *   sealStatusOf(ids)                                       sealed yet, in which period
 *   listCases(actor, query) / listLoosePacks(actor)         packing and shipping
 *   listIncoming(actor): TIncomingShipment[]                what is on its way to the organisation
 *   inspectScan(actor, code): TInspection                   one scan at a station, nothing recorded
 *   eventsPerDay(actor, { from, to })                       events over time by business step
 *   listNetworkEvents(actor, query) / getEventDetail(actor, id)   the regulator's explorer
 *   consoleFigures(actor)                                   the overview's counts
 * WRITE (through lib/events, one transaction each)
 *   fillCase(actor, { sscc, batchId, count })               pack N loose packs of a batch into a case
 *   putAway(actor, { codes, bin? })                         storing event (CBV storing)
 *   shipItems(actor, { kind, codes, to })                   unpack what must leave its case, then ship or return
 * PURE (also in the browser)
 *   readScan(raw, separator?)                               a scanned code to its key
 *   niceScale / stockByExpiry                               chart helpers
 */
export { listOrganisations, type TOrganisation } from './list-organisations';
export { BATCH_STATUS_FILTERS, EXPIRING_DAYS, listBatchPage, ZBatchPageQuery, type TBatchPageQuery, type TBatchRowView } from './list-batch-page';
export { listBatchPacks, PACK_STATUS_FILTERS, ZBatchPacksQuery, type TBatchPack, type TBatchPacksQuery } from './list-batch-packs';
export { listCommissionRuns, type TCommissionRun } from './list-commission-runs';
export { sealStatusOf, type TSealStatus } from './seal-status';
export { CASE_FILTERS, listCases, ZCaseQuery, type TCaseQuery, type TCaseView } from './list-cases';
export { listLoosePacks, type TLooseBatch } from './list-loose-packs';
export { fillCase, MAX_FILL, ZFillCase, type TFillCase } from './fill-case';
export { listIncoming, type TIncomingItem, type TIncomingShipment } from './list-incoming';
export { inspectScan, type TInspection } from './inspect-scan';
export { MAX_STATION_ITEMS, putAway, ZPutAway, type TPutAway } from './put-away';
export { shipItems, ZShipItems, type TShipItems } from './ship-items';
export { eventsPerDay, type TEventsPerDay } from './events-per-day';
export { EXPLORER_PAGE, listNetworkEvents, ZExplorerQuery, type TExplorerEvent, type TExplorerPage, type TExplorerQuery } from './list-network-events';
export { getEventDetail, type TEventDetail } from './get-event-detail';
export { consoleFigures, type TConsoleFigures } from './console-figures';
export { PAGE_SIZE, pageWindow, ZPageParam, type TPage } from './paging';
export { readScan, SEPARATOR_SUBSTITUTES, type TReadScan, type TSeparatorSubstitute } from './read-scan';
export { compactNumber, niceScale } from './chart-scale';
export { addMonths, stockByExpiry, type TExpiryBucket } from './stock-by-expiry';
export { companyPrefixes } from './company-prefixes';
export { gtinFeedback, type TGtinFeedback } from './gtin-feedback';
export { privateFacts, type TPrivateFacts } from './private-facts';
export { judgeScan, STATION_MODES, type TJudgement, type TStationMode } from './judge-scan';
export { listAuditRuns, type TAuditRun } from './list-audit-runs';
export { consoleNav } from './console-nav';
export { activeHref, type TNavItem } from './active-href';
