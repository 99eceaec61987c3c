import { readFileSync } from 'node:fs';
import os from 'node:os';

/** The machine a run was measured on: figures are only comparable within one. */
export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  node: string;
}

/** How busy the machine was while a benchmark ran: a loaded machine's figures say less. */
export interface LoadDuringRun {
  /** Share of all cores' time spent busy between the start and the end of the run (0–1). */
  busy: number;
  loadAverage1m: { before: number; after: number };
  /** Linux PSI: share of the last 60 s some task waited for a CPU (0–1); absent elsewhere. */
  cpuPressure60s?: number;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}

interface CpuTimes {
  busy: number;
  total: number;
}

function cpuTimes(): CpuTimes {
  let busy = 0;
  let total = 0;
  for (const { times } of os.cpus()) {
    const all = times.user + times.nice + times.sys + times.idle + times.irq;
    total += all;
    busy += all - times.idle;
  }
  return { busy, total };
}

function cpuPressure60s(): number | undefined {
  try {
    const some = readFileSync('/proc/pressure/cpu', 'utf8').match(/^some .*avg60=([\d.]+)/m);
    return some ? Number(some[1]) / 100 : undefined;
  } catch {
    return undefined;
  }
}

/** Starts watching the machine; `stop()` says how loaded it was in between. */
export function watchLoad(): { stop(): LoadDuringRun } {
  const start = cpuTimes();
  const loadBefore = os.loadavg()[0];
  return {
    stop() {
      const end = cpuTimes();
      const total = end.total - start.total;
      const pressure = cpuPressure60s();
      return {
        busy: total > 0 ? Math.round(((end.busy - start.busy) / total) * 100) / 100 : 0,
        loadAverage1m: { before: loadBefore, after: os.loadavg()[0] },
        ...(pressure === undefined ? {} : { cpuPressure60s: pressure }),
      };
    },
  };
}
