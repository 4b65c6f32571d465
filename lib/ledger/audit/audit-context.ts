import type { Queryable } from '@/lib/db';
import { MerkleLog } from '@/lib/ledger/merkle';
import { AuditFailures, type TAuditProgress } from './audit-types';
import { ChunkCursor } from './chunk-cursor';
import type { TAuditedEvent } from './event-cursor';
import { EventCursor } from './event-cursor';

/** Everything one audit run carries from check to check. */
export type TAuditContext = {
  db: Queryable;
  events: EventCursor;
  chunks: ChunkCursor;
  failures: AuditFailures;
  /** The anchor log rebuilt from the anchors as stored, to hold every checkpoint against. */
  anchorLog: MerkleLog;
  crossCheckMaxLeaves: number;
  counts: { events: number; sealedEvents: number; chunks: number; anchors: number; checkpoints: number; periodsCrossChecked: number };
  totals: { events: number; anchors: number; checkpoints: number };
  progress: (phase: TAuditProgress['phase'], done: number, total: number) => void;
};

export function createAuditContext(db: Queryable, options: { batchSize: number; crossCheckMaxLeaves: number; progress: TAuditContext['progress']; totals: TAuditContext['totals'] }): TAuditContext {
  return {
    db,
    events: new EventCursor(db, options.batchSize),
    chunks: new ChunkCursor(db),
    failures: new AuditFailures(),
    anchorLog: new MerkleLog(),
    crossCheckMaxLeaves: options.crossCheckMaxLeaves,
    counts: { events: 0, sealedEvents: 0, chunks: 0, anchors: 0, checkpoints: 0, periodsCrossChecked: 0 },
    totals: options.totals,
    progress: options.progress,
  };
}

/** "event 12345 (ni:///sha-256;…?ver=CBV2.0)": the row id and the ID people know it by. */
export function eventSubject(event: Pick<TAuditedEvent, 'id' | 'eventId'>): string {
  return `event ${event.id} (${event.eventId})`;
}
