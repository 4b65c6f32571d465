/**
 * The background jobs of one server instance (Node.js runtime only; see
 * instrumentation.ts): work that runs on timers beside the request
 * handlers, in every instance, each job coordinating across instances
 * through the database (e.g. the sealer's advisory lock).
 */
import { getEnv } from './lib/env';

type TBackgroundJob = {
  name: string;
  start: () => Promise<{ stop: () => Promise<void> }>;
};

const JOBS: TBackgroundJob[] = [
  // To add a job: one entry here, started the same way.
  { name: 'ledger sealer', start: async () => (await import('./lib/ledger/seal/run-sealer')).startSealer() },
  { name: 'webhook sender', start: async () => (await import('./lib/webhooks/start-webhook-sender')).startWebhookSender() },
  { name: 'alert checks', start: async () => (await import('./lib/alerts/start-alert-checks')).startAlertChecks() },
];

const started = globalThis as unknown as { __pharmaBackgroundJobs?: boolean };

export async function startBackgroundJobs(): Promise<void> {
  // Development servers may evaluate this module again; start the jobs once per process.
  if (!getEnv().BACKGROUND_JOBS || started.__pharmaBackgroundJobs) return;
  started.__pharmaBackgroundJobs = true;
  for (const job of JOBS) {
    try {
      await job.start();
      console.log(`[jobs] started: ${job.name}`);
    } catch (error) {
      console.error(`[jobs] could not start ${job.name}:`, error);
    }
  }
}
