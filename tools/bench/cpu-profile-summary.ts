/**
 * `npm run bench:profile -- <dir or .cpuprofile>…`: where a process's time went, from the V8 CPU
 * profiles that `node --cpu-prof` writes (BENCH_SERVER_NODE_OPTIONS='--cpu-prof --cpu-prof-dir=<dir>'
 * gives one per app a benchmark spawns). Per profile: the share of wall time idle (waiting on sockets:
 * a process bound by round trips), in GC and in V8 itself, then the self time by package (or by our
 * own library/app) and the hottest functions. A flame graph says more; this says enough to compare
 * two runs in a terminal or a note.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type CpuProfile, formatProfileSummary, summarizeProfile } from '@c2c/testing';

function profilesIn(target: string): string[] {
  if (!statSync(target).isDirectory()) return [target];
  return readdirSync(target)
    .filter((name) => name.endsWith('.cpuprofile'))
    .sort()
    .map((name) => path.join(target, name));
}

if (require.main === module) {
  const targets = process.argv.slice(2);
  if (targets.length === 0) {
    process.stderr.write('usage: npm run bench:profile -- <dir or .cpuprofile>…\n');
    process.exit(2);
  }
  for (const file of targets.flatMap(profilesIn)) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    process.stdout.write(`${formatProfileSummary(summarizeProfile(profile, file))}\n\n`);
  }
}
