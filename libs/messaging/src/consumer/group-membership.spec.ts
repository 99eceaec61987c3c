import { EventEmitter } from 'node:events';
import type { Consumer } from 'kafkajs';
import { GroupMembership, type InstrumentedConsumer } from './group-membership';

const EVENTS = {
  GROUP_JOIN: 'consumer.group_join',
  STOP: 'consumer.stop',
  DISCONNECT: 'consumer.disconnect',
  CRASH: 'consumer.crash',
} as Consumer['events'];

/** A consumer that only emits instrumentation events, as kafkajs does (payload wrapped in an event). */
class FakeConsumer implements InstrumentedConsumer {
  private readonly emitter = new EventEmitter();
  readonly events = EVENTS;
  readonly on = ((name: string, listener: (event: unknown) => void) => {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }) as InstrumentedConsumer['on'];

  emit(name: string, payload: unknown = null): void {
    this.emitter.emit(name, { id: 1, type: name, timestamp: Date.now(), payload });
  }

  /** What kafkajs emits when the run loop fails: it disconnects first, then reports the crash. */
  crash(error: Error, restart: boolean): void {
    this.emit(EVENTS.STOP);
    this.emit(EVENTS.DISCONNECT);
    this.emit(EVENTS.CRASH, { error, groupId: 'g', restart });
  }
}

describe(GroupMembership.name, () => {
  it('is ready only once the consumer has joined its group', async () => {
    const membership = new GroupMembership();
    const consumer = new FakeConsumer();
    membership.follow(consumer);

    await expect(membership.check()).rejects.toThrow('the consumer is joining its group');
    consumer.emit(EVENTS.GROUP_JOIN, { groupId: 'g', memberId: 'm' });

    expect(membership.state).toBe('joined');
    await expect(membership.check()).resolves.toBeUndefined();
  });

  it('is unready while kafkajs restarts it after a retriable crash, and ready when it joins again', async () => {
    const membership = new GroupMembership();
    const consumer = new FakeConsumer();
    membership.follow(consumer);
    consumer.emit(EVENTS.GROUP_JOIN);

    consumer.crash(new Error('coordinator not available'), true);
    expect(membership.state).toBe('restarting');
    await expect(membership.check()).rejects.toThrow('crashed and is restarting: coordinator not available');

    consumer.emit(EVENTS.GROUP_JOIN);
    expect(membership.state).toBe('joined');
  });

  it('stays unready after a crash kafkajs does not restart from', async () => {
    const membership = new GroupMembership();
    const consumer = new FakeConsumer();
    membership.follow(consumer);
    consumer.emit(EVENTS.GROUP_JOIN);

    consumer.crash(new Error('not authorized'), false);

    expect(membership.state).toBe('crashed');
    await expect(membership.check()).rejects.toThrow(
      'crashed and kafkajs will not restart it (the service starts it again): not authorized',
    );
  });

  it('is stopped when the consumer stops, and ignores a consumer it no longer follows', async () => {
    const membership = new GroupMembership();
    const first = new FakeConsumer();
    membership.follow(first);
    first.emit(EVENTS.GROUP_JOIN);
    first.emit(EVENTS.STOP);
    expect(membership.state).toBe('stopped');

    const second = new FakeConsumer();
    membership.follow(second);
    first.emit(EVENTS.GROUP_JOIN);
    expect(membership.state).toBe('joining');

    second.emit(EVENTS.GROUP_JOIN);
    membership.stopped();
    second.emit(EVENTS.GROUP_JOIN);
    expect(membership.state).toBe('stopped');
    await expect(membership.check()).rejects.toThrow('the consumer is stopped');
  });
});
