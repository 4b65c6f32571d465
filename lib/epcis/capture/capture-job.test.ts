import { describe, expect, it } from 'vitest';
import { CAPTURE_STALE_AFTER_MS, captureJobOf, type TCaptureRow } from './capture-job';

const received = new Date('2026-03-01T10:00:00.000Z');
const row = (over: Partial<TCaptureRow>): TCaptureRow => ({ id: 'c1', status: 'RUNNING', event_count: 3, errors: [], received_at: received, finished_at: null, recorded: null, ...over });

describe('captureJobOf', () => {
  it('reports a job by its row: running, succeeded, failed with its problems', () => {
    expect(captureJobOf(row({}), received.getTime() + 1000)).toEqual({ captureID: 'c1', createdAt: '2026-03-01T10:00:00.000Z', running: true, success: true, captureErrorBehaviour: 'rollback', errors: [], eventCount: 3 });
    const finished = new Date(received.getTime() + 500);
    expect(captureJobOf(row({ status: 'SUCCEEDED', finished_at: finished }))).toMatchObject({ running: false, success: true, finishedAt: finished.toISOString() });
    const problem = { type: 'epcisException:ValidationException', title: 't', status: 409, code: 'not_custodian', detail: 'd', index: 2, pointer: '/epcisBody/eventList/2' };
    expect(captureJobOf(row({ status: 'FAILED', finished_at: finished, errors: [problem] }))).toMatchObject({ running: false, success: false, errors: [problem] });
  });

  it('answers a job left running past the bound by what its transaction did', () => {
    const late = received.getTime() + CAPTURE_STALE_AFTER_MS + 1;
    expect(captureJobOf(row({ recorded: true }), late)).toMatchObject({ running: false, success: true, errors: [] });
    expect(captureJobOf(row({ recorded: false }), late)).toMatchObject({ running: false, success: false, errors: [{ code: 'epcis_capture_interrupted', status: 500 }] });
  });

  it('refuses stored problems of the wrong shape instead of passing them on', () => {
    expect(() => captureJobOf(row({ status: 'FAILED', errors: [{ code: 1 }] }))).toThrow();
  });
});
