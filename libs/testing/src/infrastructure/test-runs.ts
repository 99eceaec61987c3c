import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Test runs and benchmarks share the developer's broker, each under topic prefixes of its own
 * (`t<run><file>.`). A run's teardown deletes its own topics and those of runs that are gone (killed
 * before their teardown), never those of a run or benchmark still going: each registers its id with
 * its process id under .local/test-runs/.
 */
const RUNS_DIR = path.resolve(__dirname, '../../../../.local/test-runs');

export const RUN_ID_VARIABLE = 'C2C_TEST_RUN_ID';

/** Registers this process as a run (once) and returns its 4-hex id, which its workers inherit. */
export function registerTestRun(): string {
  const existing = process.env[RUN_ID_VARIABLE];
  if (existing) return existing;
  const id = randomBytes(2).toString('hex');
  mkdirSync(RUNS_DIR, { recursive: true });
  writeFileSync(path.join(RUNS_DIR, id), String(process.pid));
  process.env[RUN_ID_VARIABLE] = id;
  return id;
}

export function unregisterTestRun(id: string): void {
  rmSync(path.join(RUNS_DIR, id), { force: true });
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Ids of registered runs whose process still runs, other than `self`. */
export function liveTestRuns(self: string): Set<string> {
  let ids: string[];
  try {
    ids = readdirSync(RUNS_DIR);
  } catch {
    return new Set();
  }
  const live = new Set<string>();
  for (const id of ids) {
    if (id === self) continue;
    const pid = Number(readFileSync(path.join(RUNS_DIR, id), 'utf8'));
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) live.add(id);
    else unregisterTestRun(id);
  }
  return live;
}
