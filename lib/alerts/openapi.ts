import { z } from 'zod';
import { defineOperations } from '@/lib/http/openapi/registry';
import { ZOverview, ZOverviewParams } from './overview/overview-schemas';
import { ZAlert, ZAlertChangeInput, ZAlertDetail, ZAlertPage, ZAlertQuery } from './schemas';

/** The alert inbox and the regulator overview in the OpenAPI document (docs/alerts.md). */
const alertId = { id: { description: 'Alert id (UUID).', schema: z.uuid() } };

export const ALERTS_OPERATIONS = defineOperations([
  {
    method: 'get',
    path: '/api/v1/alerts',
    operationId: 'listAlerts',
    summary: "Your organisation's alert inbox (the regulator: every alert)",
    description: 'Most recently seen first. Filter by code, status, severity and when last seen; page with `cursor` (the `nextCursor` of the previous page). Who raised an alert is named only to the regulator and to the raising organisation.',
    tags: ['alerts'],
    auth: 'alerts:read',
    query: ZAlertQuery,
    responses: { 200: { description: 'A page of alerts.', schema: ZAlertPage } },
    problems: [422],
  },
  { method: 'get', path: '/api/v1/alerts/{id}', operationId: 'getAlert', summary: 'One alert, with its changes and the events that caused it', tags: ['alerts'], auth: 'alerts:read', params: alertId, responses: { 200: { description: 'The alert.', schema: ZAlertDetail } }, problems: [404] },
  {
    method: 'patch',
    path: '/api/v1/alerts/{id}',
    operationId: 'changeAlertStatus',
    summary: 'Acknowledge, investigate or close (with a resolution) an alert',
    description: 'OPEN -> ACKNOWLEDGED -> INVESTIGATING -> CLOSED; steps may be skipped, never taken back; CLOSED is final and needs a resolution. Closing as CONFIRMED_FALSIFICATION raises falsification_confirmed for the manufacturer and the regulator. Every change is recorded.',
    tags: ['alerts'],
    auth: 'alerts:manage',
    params: alertId,
    body: { schema: ZAlertChangeInput },
    responses: { 200: { description: 'The alert after the change.', schema: ZAlert } },
    problems: [404, 409, 422],
  },
  {
    method: 'get',
    path: '/api/v1/overview',
    operationId: 'getOverview',
    summary: 'Regulator figures: scans, alerts by code and country, recalls, ledger health',
    tags: ['alerts'],
    auth: 'network:read',
    query: ZOverviewParams,
    responses: { 200: { description: 'The figures of the period.', schema: ZOverview } },
    problems: [422],
  },
]);
