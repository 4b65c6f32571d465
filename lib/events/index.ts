/**
 * lib/events: the one service through which every scan enters the ledger,
 * and the custody state machine that refuses impossible histories
 * (docs/decisions/051-055; HTTP guide docs/api.md).
 *
 * WRITING (each call is one database transaction: all its events or none)
 *
 *   recordEvents(actor, inputs: TEventInput[], { captureId?, onProgress? }): Promise<TRecordResult>
 *       EPCIS events as lib/epcis parses them (EPCIS capture:
 *       parseEpcisDocument(body).events). Each is classified (classifyEvent:
 *       commission, pack, unpack, ship, return, receive, dispense, restock,
 *       destroy, recall, stolen, expire, observe, declaration), checked
 *       against the custody rules in request order, and stored with its
 *       public and private record. Refused: throws RefusedError (an AppError)
 *       whose code is the first refusal's reason (unknown_serial,
 *       not_custodian, already_dispensed, ...) and whose `errors` list every
 *       refused event ({ index, pointer: "/events/<i>", code, detail });
 *       alerts the refusal calls for are raised after the rollback.
 *   recordScans(actor, request: TScanRequest, { idempotency? }): Promise<TStoredAnswer>
 *       The scan API (POST /api/v1/scans; the console's scan screens):
 *       { events: [{ kind, codes, parent?, to?, from?, eventTime?,
 *       eventTimeZoneOffset?, bizTransactions? }] }, codes in any GS1 form
 *       (ZScanRequest validates it). Answers { status: 201, body: TRecordResult }.
 *       E.g. dispensing at the counter:
 *         recordScans(actor, ZScanRequest.parse({ events: [{ kind: 'dispense', codes: [scanned] }] }))
 *   buildScanCaptureEvent(spec: TScanSpec): TCaptureEvent       one scan as the EPCIS event the service records
 *   recordCaptureEvents(actor, events: TCaptureEvent[], options): Promise<TRecordResult>
 *       The common path of both, for services that build their own events:
 *       e.g. a regulator's recall (permission recall:write, which the scan
 *       API's events:write does not give the regulator):
 *         recordCaptureEvents(actor, [buildScanCaptureEvent({ kind: 'recall', epcs: [], classes: [batchKey], ... })])
 *   recordCaptureEventsIdempotently(actor, events, options, idempotency, answer): Promise<TStoredAnswer>
 *   allocateSscc(actor): Promise<{ sscc, key, code }>            the next SSCC under the organisation's prefix
 *
 *   Identity and retries: an event's ID is its CBV 2.0 hash ID (events.event_id).
 *   Sending an event again answers with the stored one (duplicate: true) and
 *   changes nothing; the same ID from another organisation is refused. An
 *   Idempotency-Key (idempotencyKeyOf, then the *Idempotently path) stores a
 *   whole answer with the events; the same key with another body is 422
 *   idempotency_key_reused. An EPCIS error declaration is stored under
 *   <hash ID>&declaration=<sha-256 hex of its JCS> and changes no custody.
 *
 * READING (scoped: the regulator reads everything, others what they took part in; anything else is 404)
 *
 *   getPack(actor, gtin, serial): Promise<TPackDetail>
 *   getPackHistory(actor, gtin, serial): Promise<TEventView[]>      events naming it + its cases' events while inside (`via`)
 *   getContainer(actor, sscc): Promise<TContainerDetail> / getContainerHistory(actor, sscc): Promise<TEventView[]>
 *   getBatchHistory(actor, batchId, { before?, limit? }): Promise<TEventPage>   newest first
 *   getStock(actor, { gtin?, batchId?, orgId? }): Promise<TStockLine[]>
 *   historyOf(db, key) / loadEventViews(db, ids, scope)            the building blocks of the above
 *
 * Records (docs/decisions/052): public_record = JCS text of
 * { v, eventId, type, action, bizStep, disposition, eventTime,
 * eventTimeZoneOffset, recordTime, epcs: { count, root }, batch, actor,
 * privateDigest[, recall: { class, reason } on lib/recalls' recall events,
 * docs/decisions/070] }; private_record = { event, recorder[, declaredEventId] };
 * privateDigest = SHA-256(salt || JCS(private record)); leaf_hash =
 * SHA-256(0x00 || public_record). Every insert runs inside the ledger fence (lib/ledger/fence.ts).
 */
export { recordEvents, recordCaptureEvents, recordCaptureEventsIdempotently, recorderOf, type TRecordOptions } from './record/record-events';
export { FUTURE_TOLERANCE_MS } from './record/record-guards';
export { recordScans } from './record-scans';
export { buildScanCaptureEvent, buildScanEvent, bizTransactionUri, type TScanSpec } from './build/build-scan-event';
export { buildLedgerRecords, privateDigestOf, privateRecordOf, publicActor, type TBatchRef, type TLedgerRecords, type TPublicRecord, type TRecallRef } from './build/ledger-records';
export { epcsSummary } from './build/epcs-summary';
export { classifyEvent, SCAN_KIND_SHAPES, TERMINAL_KINDS } from './kinds';
export { declarationEventId } from './record/rules/declaration';
export { UNDO_WINDOW_MS } from './record/rules/decommission';
export { RefusedError, MAX_LISTED_REFUSALS } from './record/refused-error';
export { encodeSerial } from './record/load-state';
export { claimIdempotencyKey, idempotencyKeyOf, saveIdempotentAnswer, IDEMPOTENCY_TTL_HOURS, type TIdempotencyKey, type TStoredAnswer } from './idempotency';
export { readJsonWithText } from './read-body';
export { MAX_CODES_PER_EVENT, MAX_SCAN_BODY_BYTES, MAX_SCAN_CODES, MAX_SCAN_EVENTS, ZGlnInput, ZScanEvent, ZScanRequest, ZScanResponse, type TScanEventInput, type TScanRequest } from './schemas';
export { ZEventPageQuery, ZSerialParam, ZSsccParam, ZStockQuery } from './query-schemas';
export { allocateSscc, type TAllocatedSscc } from './allocate-sscc';
export { getPack, getPackHistory, type TOrgName, type TPackDetail } from './query/get-pack';
export { getContainer, getContainerHistory, type TContainerDetail } from './query/get-container';
export { getBatchHistory, type TEventPage } from './query/get-batch-history';
export { getStock, type TStockLine } from './query/get-stock';
export { historyOf, type THistoryEntry } from './query/history';
export { loadEventViews, type TEventView } from './query/event-view';
export { EVENT_KINDS, SCAN_KINDS, type TCaptureEvent, type TEventKind, type TProgress, type TProgressCallback, type TRecordedEvent, type TRecordResult, type TScanKind } from './types';
