import { type CpuProfile, formatProfileSummary, ownerOf, summarizeProfile } from './cpu-profile';

const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 9 });

describe('CPU profile summary', () => {
  it('names the package, our library or app, or node itself as the owner of a frame', () => {
    expect(ownerOf('file:///repo/node_modules/pg/lib/client.js')).toBe('pg');
    expect(ownerOf('file:///repo/node_modules/@nestjs/core/router.js')).toBe('@nestjs/core');
    expect(ownerOf('file:///repo/dist/libs/messaging/src/consumer/x.js')).toBe('libs/messaging');
    expect(ownerOf('file:///repo/dist/apps/gateway/src/main.js')).toBe('apps/gateway');
    expect(ownerOf('node:internal/streams/readable')).toBe('node (internals)');
    expect(ownerOf('')).toBe('(native or V8)');
  });

  it('charges each sample to its node and tells idle, GC and owners apart', () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)'), children: [2, 3, 4, 5, 6] },
        { id: 2, callFrame: frame('(idle)') },
        { id: 3, callFrame: frame('(garbage collector)') },
        { id: 4, callFrame: frame('parse', 'file:///r/node_modules/pg/lib/result.js') },
        { id: 5, callFrame: frame('handle', 'file:///r/dist/apps/cities/src/x.js'), children: [7] },
        { id: 6, callFrame: frame('query', 'file:///r/node_modules/pg/lib/client.js'), children: [8] },
        { id: 7, callFrame: frame('emit', 'node:events'), children: [9] },
        { id: 8, callFrame: frame('writev') },
        { id: 9, callFrame: frame('stringify') },
      ],
      startTime: 0,
      endTime: 10_000,
      // 4 ms idle, 1 ms GC, 2 ms in pg, 1 ms in the app, 1 ms in a write pg asked for, 1 ms in a
      // stringify under node's events the app called (time deltas in µs before each sample).
      samples: [2, 2, 3, 4, 4, 5, 2, 2, 8, 9],
      timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
    };
    const summary = summarizeProfile(profile, 'cities.cpuprofile');
    expect(summary.wallMs).toBe(10);
    expect(summary.shares).toEqual({ idle: 0.4, gc: 0.1, program: 0 });
    expect(summary.byOwner).toEqual([
      { owner: 'pg', ms: 2, share: 0.2 },
      { owner: '(native or V8)', ms: 2, share: 0.2 },
      { owner: 'apps/cities', ms: 1, share: 0.1 },
    ]);
    expect(summary.byCaller).toEqual([
      { owner: 'pg', ms: 3, share: 0.3 },
      { owner: 'apps/cities', ms: 2, share: 0.2 },
    ]);
    expect(summary.hottest[0]).toEqual({ name: 'parse result.js:10', owner: 'pg', ms: 2, share: 0.2 });
    expect(formatProfileSummary(summary)).toContain('idle 40.0 %, garbage collector 10.0 %');
  });
});
