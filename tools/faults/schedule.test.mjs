// node --test tools/faults/schedule.test.mjs
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { faultSchedule, prng } from './schedule.mjs';

const options = {
  apps: ['gateway', 'cities'],
  consumers: ['partnerships', 'notifications'],
  killsPerApp: 2,
  windowMs: 60_000,
  gapMs: 3_000,
  pauseMs: 40_000,
  poison: 3,
};

describe('faultSchedule', () => {
  test('the same seed replays the same schedule; another seed draws another', () => {
    assert.deepEqual(faultSchedule(prng(7), options), faultSchedule(prng(7), options));
    assert.notDeepEqual(faultSchedule(prng(7), options), faultSchedule(prng(8), options));
  });

  test('every fault once as asked, in time order, within the window and a gap apart', () => {
    const schedule = faultSchedule(prng(42), options);
    const count = (kind) => schedule.filter((fault) => fault.kind === kind).length;
    assert.equal(count('sigkill'), 4);
    assert.equal(schedule.filter((f) => f.kind === 'sigkill' && f.app === 'gateway').length, 2);
    assert.deepEqual(
      [count('kafka-restart'), count('postgres-restart'), count('pause'), count('poison')],
      [1, 1, 1, 1],
    );
    assert.equal(schedule.find((f) => f.kind === 'poison').count, 3);
    assert.ok(options.consumers.includes(schedule.find((f) => f.kind === 'pause').app));
    for (let i = 1; i < schedule.length; i++)
      assert.ok(schedule[i].atMs - schedule[i - 1].atMs >= options.gapMs - 1);
    assert.ok(schedule.at(-1).atMs <= options.windowMs);
  });
});

test('prng: values in [0, 1), integers within bounds', () => {
  const random = prng(1);
  for (let i = 0; i < 1000; i++) {
    const value = random.next();
    assert.ok(value >= 0 && value < 1);
    const n = random.int(3, 5);
    assert.ok(n >= 3 && n <= 5 && Number.isInteger(n));
  }
});
