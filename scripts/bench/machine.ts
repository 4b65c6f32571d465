import { readFileSync } from 'node:fs';
import os from 'node:os';

/** The machine a report was measured on: without it the figures mean little. */
export type TMachine = {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  postgres: string;
  os: string;
  /** 1, 5 and 15 minute load averages when the run started and ended: other work on the machine moves every figure. */
  loadAtStart: number[];
  loadAtEnd?: number[];
  startedAt: string;
};

export function describeMachine(postgresVersion: string): TMachine {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres: postgresVersion,
    os: osName(),
    loadAtStart: os.loadavg().map(round2),
    startedAt: new Date().toISOString(),
  };
}

export const round2 = (value: number) => Math.round(value * 100) / 100;

function osName(): string {
  try {
    const line = readFileSync('/etc/os-release', 'utf8').split('\n').find((l) => l.startsWith('PRETTY_NAME='));
    if (line) return `${line.slice(13).replace(/"/g, '')}, ${os.type()} ${os.release()}`;
  } catch {
    // not Linux: fall through
  }
  return `${os.type()} ${os.release()}`;
}
