/**
 * Alerts (recalls, alerts, webhooks). So far: raising alerts, used by the
 * events service for anomalies and refused suspicious scans.
 */
export { alertFingerprint, MAX_ALERT_EVENT_IDS, raiseAlert, raiseAlerts, type TAlertInput, type TAlertSeverity } from './raise-alert';
