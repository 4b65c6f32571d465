import { z } from 'zod';

/**
 * A capture job as the REST binding describes it (components/schemas/CaptureJob):
 * whether it still runs, whether it succeeded, the error behaviour it ran
 * with, and the problems that made it fail (RFC 9457 objects, one per
 * refused event). `eventCount` (events in the captured document) is ours.
 */
export type TCaptureProblem = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  /** The refused event's position in epcisBody.eventList, and a JSON Pointer to it. */
  index?: number;
  pointer?: string;
};

export type TCaptureJob = {
  captureID: string;
  createdAt: string;
  finishedAt?: string;
  running: boolean;
  success: boolean;
  captureErrorBehaviour: 'rollback';
  errors: TCaptureProblem[];
  eventCount: number;
};

/** The stored `captures.errors` (jsonb written by this module), checked when read back. */
export const ZStoredCaptureProblems = z.array(
  z.object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    index: z.number().int().optional(),
    pointer: z.string().optional(),
  }),
);

/**
 * A job still RUNNING this long after it was received was interrupted (the
 * process stopped between recording and marking it finished): a capture
 * of 10,000 events takes seconds, not minutes.
 */
export const CAPTURE_STALE_AFTER_MS = 15 * 60 * 1000;

export type TCaptureRow = {
  id: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  event_count: number;
  errors: unknown;
  received_at: Date;
  finished_at: Date | null;
  /** Only read for stale RUNNING jobs: whether any event carries the job's id. */
  recorded: boolean | null;
};

/**
 * The job document of a row. A stale RUNNING job is reported by what its
 * one recording transaction left: events carrying its id mean it committed
 * (success), none mean it rolled back or never ran (failure).
 */
export function captureJobOf(row: TCaptureRow, now = Date.now()): TCaptureJob {
  const stale = row.status === 'RUNNING' && now - row.received_at.getTime() > CAPTURE_STALE_AFTER_MS;
  const base = { captureID: row.id, createdAt: row.received_at.toISOString(), captureErrorBehaviour: 'rollback' as const, eventCount: row.event_count };
  if (stale) {
    const success = row.recorded === true;
    return { ...base, running: false, success, errors: success ? [] : [INTERRUPTED] };
  }
  const finished = row.finished_at ? { finishedAt: row.finished_at.toISOString() } : {};
  return { ...base, ...finished, running: row.status === 'RUNNING', success: row.status !== 'FAILED', errors: ZStoredCaptureProblems.parse(row.errors) };
}

const INTERRUPTED: TCaptureProblem = {
  type: 'epcisException:ImplementationException',
  title: 'The capture job was interrupted before it finished',
  status: 500,
  code: 'epcis_capture_interrupted',
  detail: 'The server stopped while this capture was running and nothing of it was recorded. Send the document again: events recorded before are answered as duplicates.',
};
