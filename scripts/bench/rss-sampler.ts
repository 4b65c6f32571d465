import { readFileSync } from 'node:fs';

/**
 * Peak resident memory of a process and its descendants, sampled from
 * /proc every 100 ms and kept per phase of the benchmark (Linux only; on
 * other systems every figure is null). Sampling the tree, not one pid,
 * because a server may fork workers.
 */
export class RssSampler {
  private readonly peaks = new Map<string, number>();
  private phase = 'start';
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(private readonly pid: number) {
    this.timer = setInterval(() => this.sample(), 100);
    this.timer.unref();
  }

  /** Starts attributing samples to `name`. */
  enter(name: string): void {
    this.sample();
    this.phase = name;
    this.sample();
  }

  /** Peak RSS in MiB of each phase, in the order the phases ran. */
  result(): Record<string, number | null> {
    return Object.fromEntries([...this.peaks].map(([phase, bytes]) => [phase, bytes > 0 ? Math.round(bytes / 2 ** 20) : null]));
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sample(): void {
    const bytes = treeRssBytes(this.pid);
    this.peaks.set(this.phase, Math.max(this.peaks.get(this.phase) ?? 0, bytes));
  }
}

function treeRssBytes(pid: number): number {
  let total = 0;
  for (const member of [pid, ...descendants(pid)]) {
    try {
      const line = readFileSync(`/proc/${member}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
      total += line ? Number(line.replace(/\D+/g, '')) * 1024 : 0;
    } catch {
      // the process ended between listing and reading
    }
  }
  return total;
}

function descendants(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return children.flatMap((child) => [child, ...descendants(child)]);
  } catch {
    return [];
  }
}
