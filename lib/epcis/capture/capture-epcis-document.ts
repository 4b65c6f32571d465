import { hash } from 'node:crypto';
import type { TOrgActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { AppError, ERROR_CODES, isAppError, normaliseError, type TErrorCode } from '@/lib/errors';
import { classifyEvent, recordCaptureEvents, type TCaptureEvent, type TRecordResult } from '@/lib/events';
import { bindingExceptionType } from '../http/binding-problem';
import { parseEpcisDocument } from '../parse/parse-epcis-document';
import type { TEventInput } from '../types';
import type { TCaptureJob, TCaptureProblem } from './capture-job';
import { finishCaptureJob, startCaptureJob } from './capture-job-store';
import { documentForCapture } from './document-for-capture';

export type TCaptureOptions = {
  /** The GS1-Capture-Error-Behaviour request header, if sent. */
  errorBehaviour?: string | null;
};

export type TCaptureOutcome = { job: TCaptureJob; result: TRecordResult };

/**
 * EPCIS capture (POST /epcis/capture): validates the document (an
 * EPCISDocument, or the events of an EPCISQueryDocument; nothing is
 * stored for an invalid one: 413/422 listing every problem by event), opens
 * a capture job, records every event through the events service in one
 * transaction with the custody rules (lib/events), and closes the job.
 * A refusal closes the job as failed and is thrown with the refused events
 * listed by their index in eventList, and the job's ID.
 *
 * The job finishes before this returns (docs/decisions/043): the binding's
 * 202 then points at a job that already knows its outcome.
 */
export async function captureEpcisDocument(actor: TOrgActor, body: unknown, options: TCaptureOptions = {}): Promise<TCaptureOutcome> {
  assertCan(actor, 'events:write');
  checkErrorBehaviour(options.errorBehaviour ?? null);
  const { events } = parseEpcisDocument(documentForCapture(body), { sha256Hex: nativeSha256Hex });
  const job = await startCaptureJob(actor.orgId, events.length);
  try {
    const result = await recordCaptureEvents(actor, events.map(captureEventOf), { captureId: job.captureID });
    return { job: await finishCaptureJob(job.captureID, []), result };
  } catch (error) {
    const failure = inEpcisTerms(normaliseError(error), job.captureID);
    // If even this fails (the database went away), the job is answered as interrupted once it is stale.
    await finishCaptureJob(job.captureID, problemsOf(failure)).catch(() => undefined);
    throw isAppError(error) ? failure : error;
  }
}

/** node:crypto's one-shot SHA-256: the same digest as the pure default, several times faster per event. */
const nativeSha256Hex = (text: string) => hash('sha256', text, 'hex');

/**
 * What an event does to custody. The five standard types go through the
 * custody rules as lib/events classifies them; a TransformationEvent (whose
 * inputs and outputs the custody model cannot follow) and an extension
 * event type are recorded as observations: `observe` checks custody only of
 * identifiers named in epcList, which neither has, so they are stored and
 * queryable and change nothing.
 */
export function captureEventOf(input: TEventInput): TCaptureEvent {
  return { input, kind: classifyEvent(input) };
}

/** Refuses any GS1-Capture-Error-Behaviour but rollback (the default) with 400, before the body is read. */
export function checkErrorBehaviour(value: string | null): void {
  const behaviour = value?.trim().toLowerCase();
  if (behaviour === undefined || behaviour === '' || behaviour === 'rollback') return;
  const why = behaviour === 'proceed'
    ? "'proceed' (record the valid events, skip the others) is not offered: a pack's history with holes is worse than a refused document that is corrected and sent again"
    : `'${value?.slice(0, 40)}' is not a capture error behaviour (rollback or proceed)`;
  throw new AppError('epcis_capture_behaviour_unsupported', `GS1-Capture-Error-Behaviour: ${why}. Send rollback, or leave the header out.`);
}

/** The refusal with pointers into the captured document (/epcisBody/eventList/<i>) and the job it closed. */
function inEpcisTerms(error: AppError, captureID: string): AppError {
  const errors = error.errors?.map((item) => (item.index === undefined ? item : { ...item, pointer: `/epcisBody/eventList/${item.index}` }));
  return new AppError(error.code, error.detail, { errors, extra: { ...error.extra, captureID, captureJob: `/epcis/capture/${captureID}` }, cause: error });
}

/** The job's `errors`: one RFC 9457 problem per refused event, or the one problem that stopped the capture. */
function problemsOf(error: AppError): TCaptureProblem[] {
  const problem = (code: string, detail: string, extra: { index?: number; pointer?: string } = {}): TCaptureProblem => {
    const known = ERROR_CODES[code as TErrorCode] ?? ERROR_CODES[error.code];
    return { type: bindingExceptionType(code, known.status, 'capture') ?? `/problems/${code}`, title: known.title, status: known.status, code, detail, ...extra };
  };
  if (!error.errors || error.errors.length === 0) return [problem(error.code, error.detail)];
  return error.errors.map((item) => problem(item.code, item.detail, { index: item.index, pointer: item.pointer }));
}
