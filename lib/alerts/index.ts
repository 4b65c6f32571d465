/**
 * lib/alerts: alerts raised by rules, the inbox of each organisation, the
 * alert workflow, the periodic checks and the regulator overview
 * (docs/decisions/071, 072, 074; docs/alerts.md).
 *
 *   raiseAlerts(db, alerts: TAlertInput[]): Promise<TRaisedAlert[]>   fold into open alerts, queue alert.raised webhooks (pass the transaction)
 *   listAlerts(actor, query: TAlertQuery): Promise<TAlertPage>        the inbox: filters, newest first, cursor paging
 *   getAlert(actor, id): Promise<TAlertDetail>                        with its changes and events
 *   changeAlertStatus(actor, id, { status, resolution?, note? }): Promise<TAlertView>
 *   checkOverdueShipments({ now?, overdueDays? }): Promise<TOverdueCheck>   shipment_not_received (periodic)
 *   startAlertChecks(): TAlertChecks                                   the periodic checks (instrumentation.ts)
 *   getOverview(actor, query: TOverviewQuery): Promise<TOverview>      regulator figures; scanFigures, alertFigures, recallFigures, ledgerHealth for one part
 */
export { alertFingerprint, MAX_ALERT_EVENT_IDS, raiseAlert, raiseAlerts, raisedNotifications, upsertAlerts, type TAlertInput, type TAlertSeverity, type TRaisedAlert } from './raise-alert';
export { ALERT_CODE_LIST, ALERT_CODES, ALERT_SEVERITIES, alertTitle, type TAlertCode, type TAlertCodeInfo } from './alert-codes';
export { alertView, type TAlertResolution, type TAlertStatus, type TAlertView, type TAlertViewer } from './alert-view';
export { NEXT_STATUSES, transitionProblem } from './alert-transitions';
export { listAlerts, type TAlertPage } from './list-alerts';
export { getAlert, type TAlertChangeView, type TAlertDetail, type TAlertEventRef } from './get-alert';
export { changeAlertStatus } from './change-alert-status';
export { checkOverdueShipments, type TOverdueCheck } from './check-overdue-shipments';
export { startAlertChecks, type TAlertChecks } from './start-alert-checks';
export { alertSettings } from './alert-settings';
export { ALERT_RESOLUTIONS, ALERT_STATUSES, ZAlert, ZAlertChangeInput, ZAlertDetail, ZAlertPage, ZAlertQuery, type TAlertChangeInput, type TAlertQuery } from './schemas';
export { getOverview } from './overview/get-overview';
export { scanFigures } from './overview/scan-figures';
export { alertFigures } from './overview/alert-figures';
export { recallFigures } from './overview/recall-figures';
export { ledgerHealth } from './overview/ledger-health';
export { ZOverview, ZOverviewParams, ZOverviewQuery, type TOverview, type TOverviewQuery, type TOverviewRange } from './overview/overview-schemas';
