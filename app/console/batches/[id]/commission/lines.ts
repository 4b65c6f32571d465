import type { TProgress } from '@/lib/events';

/** One line of the console's commissioning answer (application/x-ndjson): progress lines, then one `done` or `error`. */
export type TCommissionLine =
  | { type: 'progress'; stage: TProgress['stage']; fraction: number }
  | { type: 'done'; count: number; eventId: string; id: string; duplicate: boolean }
  | { type: 'error'; status: number; code: string; detail: string };
