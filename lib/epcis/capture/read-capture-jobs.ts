import { z } from 'zod';
import type { TOrgActor } from '@/lib/auth/actor';
import { isUuid } from '@/lib/auth/uuid';
import { assertCan, readScope } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { decodePageToken, encodePageToken } from '../query/page-token';
import type { TCaptureJob } from './capture-job';
import { findCaptureJob, listCaptureJobRows } from './capture-job-store';

/*
 * Reading capture jobs (GET /epcis/capture, /epcis/capture/{captureID}):
 * an organisation reads its own jobs, the regulator every organisation's;
 * another organisation's job is 404, as if it did not exist.
 */

export async function getCaptureJob(actor: TOrgActor, captureId: string): Promise<TCaptureJob> {
  assertCan(actor, 'events:read');
  const job = isUuid(captureId) ? await findCaptureJob(captureId.toLowerCase(), scopeOrg(actor)) : null;
  if (!job) throw new AppError('epcis_capture_not_found', `No capture job ${captureId.slice(0, 60)} of your organisation.`);
  return job;
}

export type TCaptureJobPage = { jobs: TCaptureJob[]; nextPageToken: string | null };

const ZCursor = z.object({ v: z.literal(1), t: z.iso.datetime(), i: z.uuid() });

/** Newest first; `nextPageToken` continues after the last job of this page. */
export async function listCaptureJobs(actor: TOrgActor, page: { perPage: number; nextPageToken: string | null }): Promise<TCaptureJobPage> {
  assertCan(actor, 'events:read');
  const cursor = page.nextPageToken === null ? null : decodePageToken(page.nextPageToken, ZCursor);
  const rows = await listCaptureJobRows(scopeOrg(actor), page.perPage + 1, cursor && { receivedAt: cursor.t, id: cursor.i });
  const jobs = rows.slice(0, page.perPage);
  const last = jobs[jobs.length - 1];
  const more = rows.length > page.perPage && last !== undefined;
  return { jobs, nextPageToken: more ? encodePageToken({ v: 1, t: last.createdAt, i: last.captureID }) : null };
}

function scopeOrg(actor: TOrgActor): string | null {
  const scope = readScope(actor);
  return scope.all ? null : scope.orgId;
}
