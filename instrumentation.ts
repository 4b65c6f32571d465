/**
 * Next.js calls register() once when a server instance starts. It starts
 * the background jobs of this instance (instrumentation-node.ts): only in
 * the Node.js runtime (they need the database driver), never while `next
 * build` prerenders pages, and only when BACKGROUND_JOBS is true (the
 * default; set it to false on instances that should only serve, and run
 * `npm run seal -- --watch` elsewhere).
 *
 * The import sits inside the runtime check so that the Edge bundle of this
 * file, which Next.js also builds, does not pull in Node.js modules.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { startBackgroundJobs } = await import('./instrumentation-node');
    await startBackgroundJobs();
  }
}
