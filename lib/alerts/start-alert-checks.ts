import { alertSettings } from './alert-settings';
import { checkOverdueShipments } from './check-overdue-shipments';

export type TAlertChecks = { stop: () => Promise<void> };

/**
 * The periodic alert checks (instrumentation.ts): every
 * ALERT_CHECK_INTERVAL_MINUTES, shipments never received. Every app
 * instance may run them; the watermark row lets one at a time do the work.
 * Errors are logged and the next run tries again.
 */
export function startAlertChecks(options: { log?: (line: string) => void } = {}): TAlertChecks {
  const log = options.log ?? ((line: string) => console.log(`[alerts] ${line}`));
  const controller = new AbortController();
  const done = (async () => {
    while (!controller.signal.aborted) {
      try {
        const result = await checkOverdueShipments();
        if (result.alerts > 0) log(`${result.alerts} shipment${result.alerts === 1 ? '' : 's'} not received in time`);
      } catch (error) {
        log(`the shipment check failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      await pause(intervalMs(log), controller.signal);
    }
  })();
  return {
    stop: async () => {
      controller.abort();
      await done;
    },
  };
}

function intervalMs(log: (line: string) => void): number {
  try {
    return alertSettings().checkIntervalMs;
  } catch (error) {
    log(`${error instanceof Error ? error.message : String(error)}; checking again in 15 minutes`);
    return 15 * 60_000;
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(finish, ms);
    timer.unref?.();
    signal.addEventListener('abort', finish, { once: true });
    function finish() {
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      resolve();
    }
  });
}
