import { deliverDueWebhooks, type TPassResult } from './deliver-due-webhooks';
import { DEFAULT_DELIVERY_POLICY, type TDeliveryPolicy } from './delivery-policy';

/** How often the sender looks for due deliveries: one indexed query when there are none. */
export const SENDER_TICK_MS = 2_000;
const MAX_BACKOFF_MS = 60_000;

export type TWebhookSender = { stop: () => Promise<void> };

/**
 * The background sender (instrumentation.ts): a pass every tick, at once
 * again while a pass finds work. Every app instance may run one; claims keep
 * them from sending an attempt twice. Errors (database away) are logged and
 * retried with growing pauses, never thrown.
 */
export function startWebhookSender(options: { policy?: TDeliveryPolicy; tickMs?: number; log?: (line: string) => void } = {}): TWebhookSender {
  const policy = options.policy ?? DEFAULT_DELIVERY_POLICY;
  const tickMs = options.tickMs ?? SENDER_TICK_MS;
  const log = options.log ?? ((line: string) => console.log(`[webhooks] ${line}`));
  const controller = new AbortController();
  const done = (async () => {
    let failures = 0;
    while (!controller.signal.aborted) {
      let pass: TPassResult = { attempted: 0, delivered: 0, failed: 0 };
      try {
        pass = await deliverDueWebhooks(policy);
        failures = 0;
        if (pass.failed > 0) log(`${pass.failed} deliver${pass.failed === 1 ? 'y' : 'ies'} given up after ${policy.maxAttempts} attempts`);
      } catch (error) {
        failures++;
        log(`sending failed (attempt ${failures}): ${error instanceof Error ? error.message : String(error)}`);
      }
      if (pass.attempted > 0 && failures === 0) continue;
      await pause(failures ? Math.min(MAX_BACKOFF_MS, tickMs * 2 ** failures) : tickMs, controller.signal);
    }
  })();
  return {
    stop: async () => {
      controller.abort();
      await done;
    },
  };
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
