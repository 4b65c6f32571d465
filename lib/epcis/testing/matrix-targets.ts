/*
 * TEST-ONLY. Targets of the /epcis rows of the access matrix
 * (app/api/access-matrix.int.test.ts): a capture job and an event of one
 * organisation, made once, and a fresh capturable document per caller.
 */
import { randomInt } from 'node:crypto';
import type { TActor, TOrgActor } from '@/lib/auth/actor';
import { captureEpcisDocument } from '../capture/capture-epcis-document';
import { epcisDocument } from './epcis-documents';

/** A document any organisation that records events may capture: one event of an extension type (no custody effect), at a time of its own. */
export function matrixCaptureDocument(): Record<string, unknown> {
  const eventTime = new Date(Date.now() - randomInt(60_000, 1e10)).toISOString();
  return epcisDocument([{ type: 'ex:MatrixCheck', eventTime, eventTimeZoneOffset: '+00:00', 'ex:reading': randomInt(0, 1e9) }]);
}

export type TEpcisMatrixTargets = { captureId: string; eventId: string };

const made = new Map<string, Promise<TEpcisMatrixTargets>>();

/** A capture job of the actor's organisation and the event it recorded (only that organisation and the regulator may read them). */
export function epcisMatrixTargets(actor: TActor): Promise<TEpcisMatrixTargets> {
  const owner = actor as TOrgActor;
  let targets = made.get(owner.orgId);
  if (!targets) {
    targets = captureEpcisDocument(owner, matrixCaptureDocument()).then(({ job, result }) => ({ captureId: job.captureID, eventId: result.events[0]!.eventId }));
    made.set(owner.orgId, targets);
  }
  return targets;
}
