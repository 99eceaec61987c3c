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
        { id: 1, callFrame: frame('(root)'), children: [2, 3, 4, 5] },
        { id: 2, callFrame: frame('(idle)') },
        { id: 3, callFrame: frame('(garbage collector)') },
        { id: 4, callFrame: frame('parse', 'file:///r/node_modules/pg/lib/result.js') },
        { id: 5, callFrame: frame('handle', 'file:///r/dist/apps/cities/src/x.js') },
      ],
      startTime: 0,
      endTime: 10_000,
      // 6 ms idle, 1 ms GC, 2 ms in pg, 1 ms in the app (time deltas in µs before each sample).
      samples: [2, 2, 3, 4, 4, 5, 2, 2, 2, 2],
      timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
    };
    const summary = summarizeProfile(profile, 'cities.cpuprofile');
    expect(summary.wallMs).toBe(10);
    expect(summary.shares).toEqual({ idle: 0.6, gc: 0.1, program: 0 });
    expect(summary.byOwner).toEqual([
      { owner: 'pg', ms: 2, share: 0.2 },
      { owner: 'apps/cities', ms: 1, share: 0.1 },
    ]);
    expect(summary.hottest[0]).toEqual({ name: 'parse result.js:10', owner: 'pg', ms: 2, share: 0.2 });
    expect(formatProfileSummary(summary)).toContain('idle 60.0 %, garbage collector 10.0 %');
  });
});
