/**
 * Where a process's time went, from a V8 CPU profile (`node --cpu-prof`): the share of wall time idle
 * (waiting on sockets: a process bound by round trips), in GC and in V8 itself, then the self time by
 * package (or by our own library or app) and the hottest functions. `npm run bench:profile` prints it.
 */
import path from 'node:path';

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const SPECIAL = new Set(['(idle)', '(garbage collector)', '(program)', '(root)']);

/** node_modules/<pkg> (scoped too), our libs/<name> and apps/<name>, node:internals, or the URL. */
export function ownerOf(url: string): string {
  if (url === '') return '(native or V8)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const [first, second] = url.slice(modules + 'node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  const ours = /\/(?:dist\/)?((?:apps|libs)\/[^/]+)\//.exec(url);
  if (ours) return ours[1];
  if (url.startsWith('node:')) return 'node (internals)';
  return path.basename(url);
}

export interface ProfileSummary {
  file: string;
  wallMs: number;
  shares: { idle: number; gc: number; program: number };
  byOwner: Array<{ owner: string; ms: number; share: number }>;
  /**
   * The same time with what node and V8 did (a socket write, a JSON parse) charged to the nearest
   * package or app up the stack that asked for it: `pg` owns the write syscalls of its queries.
   */
  byCaller: Array<{ owner: string; ms: number; share: number }>;
  hottest: Array<{ name: string; owner: string; ms: number; share: number }>;
}

export function summarizeProfile(profile: CpuProfile, file: string, top = 12): ProfileSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  // timeDeltas[i] is the time before sample i; it is charged to that sample's node.
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const wall = Math.max(1, profile.endTime - profile.startTime);
  const special = (name: string) =>
    [...self].reduce((sum, [id, us]) => (nodes.get(id)?.callFrame.functionName === name ? sum + us : sum), 0);
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const INTERNAL = new Set(['(native or V8)', 'node (internals)']);
  const callerOf = (id: number, owner: string): string => {
    for (let at = parents.get(id); at !== undefined; at = parents.get(at)) {
      const candidate = ownerOf(nodes.get(at)?.callFrame.url ?? '');
      if (!INTERNAL.has(candidate)) return candidate;
    }
    return owner;
  };
  const owners = new Map<string, number>();
  const callers = new Map<string, number>();
  const functions = new Map<string, { owner: string; us: number }>();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = nodes.get(id)?.callFrame ?? {
      functionName: '?',
      url: '',
      lineNumber: 0,
    };
    if (SPECIAL.has(functionName)) continue;
    const owner = ownerOf(url);
    owners.set(owner, (owners.get(owner) ?? 0) + us);
    const caller = INTERNAL.has(owner) ? callerOf(id, owner) : owner;
    callers.set(caller, (callers.get(caller) ?? 0) + us);
    const key = `${functionName || '(anonymous)'} ${url ? `${path.basename(url)}:${lineNumber + 1}` : ''}`;
    const entry = functions.get(key) ?? { owner, us: 0 };
    entry.us += us;
    functions.set(key, entry);
  }
  const ms = (us: number) => us / 1000;
  const ranked = (table: Map<string, number>) =>
    [...table]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([owner, us]) => ({ owner, ms: ms(us), share: us / wall }));
  return {
    file,
    wallMs: ms(wall),
    shares: {
      idle: special('(idle)') / wall,
      gc: special('(garbage collector)') / wall,
      program: special('(program)') / wall,
    },
    byOwner: ranked(owners),
    byCaller: ranked(callers),
    hottest: [...functions]
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, top)
      .map(([name, { owner, us }]) => ({ name: name.trim(), owner, ms: ms(us), share: us / wall })),
  };
}

const pct = (share: number) => `${(share * 100).toFixed(1)} %`;
const line = (o: { owner: string; ms: number; share: number }) =>
  `  ${pct(o.share).padStart(7)}  ${o.ms.toFixed(0).padStart(7)} ms  ${o.owner}`;

export function formatProfileSummary(summary: ProfileSummary): string {
  return [
    `## ${path.basename(summary.file)}: ${(summary.wallMs / 1000).toFixed(1)} s of wall time`,
    `idle ${pct(summary.shares.idle)}, garbage collector ${pct(summary.shares.gc)}, V8 and native (program) ${pct(summary.shares.program)}`,
    '',
    'self time by owner:',
    ...summary.byOwner.map(line),
    '',
    "the same, node's and V8's work charged to the package that asked for it:",
    ...summary.byCaller.map(line),
    '',
    'hottest functions:',
    ...summary.hottest.map(
      (f) => `  ${pct(f.share).padStart(7)}  ${f.ms.toFixed(0).padStart(7)} ms  ${f.name} [${f.owner}]`,
    ),
  ].join('\n');
}
