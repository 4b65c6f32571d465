/**
 * Next.js calls register() once when a server instance starts. It starts the
 * background jobs of this instance: work that runs on timers beside the
 * request handlers, in every instance (each job coordinates across instances
 * through the database, e.g. the sealer's advisory lock).
 *
 * Jobs run only in the Node.js runtime (they need the database driver),
 * never while `next build` prerenders pages, and only when BACKGROUND_JOBS
 * is true (the default; set it to false on instances that should only
 * serve, and run `npm run seal -- --watch` elsewhere).
 */
type TBackgroundJob = {
  name: string;
  start: () => Promise<{ stop: () => Promise<void> }>;
};

async function backgroundJobs(): Promise<TBackgroundJob[]> {
  return [
    // To add a job (webhook delivery, ...): one entry here, started the same way.
    { name: 'ledger sealer', start: async () => (await import('./lib/ledger/seal/run-sealer')).startSealer() },
    { name: 'webhook sender', start: async () => (await import('./lib/webhooks/start-webhook-sender')).startWebhookSender() },
    { name: 'alert checks', start: async () => (await import('./lib/alerts/start-alert-checks')).startAlertChecks() },
  ];
}

const started = globalThis as unknown as { __pharmaBackgroundJobs?: boolean };

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { getEnv } = await import('./lib/env');
    // Development servers may evaluate this module again; start the jobs once per process.
    if (!getEnv().BACKGROUND_JOBS || started.__pharmaBackgroundJobs) return;
    started.__pharmaBackgroundJobs = true;
    for (const job of await backgroundJobs()) {
      try {
        await job.start();
        console.log(`[jobs] started: ${job.name}`);
      } catch (error) {
        console.error(`[jobs] could not start ${job.name}:`, error);
      }
    }
  }
}
