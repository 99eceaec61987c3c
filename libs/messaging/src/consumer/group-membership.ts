import type { Consumer, ConsumerCrashEvent } from 'kafkajs';

/**
 * Where a consumer stands in its group. Only `joined` consumes: `joining` has not been given
 * partitions yet, `restarting` crashed on a retriable error and kafkajs will join again, `crashed`
 * kafkajs gave up (the EventConsumer starts a new consumer after a wait), `stopped` was stopped on
 * purpose.
 */
export type GroupState = 'stopped' | 'joining' | 'joined' | 'restarting' | 'crashed';

/** The part of a kafkajs consumer this follows: its instrumentation events. */
export type InstrumentedConsumer = Pick<Consumer, 'on' | 'events'>;

/**
 * Follows a kafkajs consumer's instrumentation events, so readiness says "consuming" rather than
 * "`run()` was called once". A crash first disconnects (STOP, DISCONNECT) and then reports CRASH,
 * saying whether kafkajs restarts the consumer; a restart that succeeds joins again (GROUP_JOIN).
 */
export class GroupMembership {
  private current: GroupState = 'stopped';
  private crash: Error | undefined;
  private followed: InstrumentedConsumer | undefined;

  get state(): GroupState {
    return this.current;
  }

  /** Starts following `consumer` (created, not yet running); events of one followed before are ignored. */
  follow(consumer: InstrumentedConsumer): void {
    this.followed = consumer;
    this.current = 'joining';
    this.crash = undefined;
    const { GROUP_JOIN, STOP, DISCONNECT, CRASH } = consumer.events;
    const ours = () => this.followed === consumer;
    consumer.on(GROUP_JOIN, () => {
      if (ours()) this.current = 'joined';
    });
    for (const event of [STOP, DISCONNECT]) {
      consumer.on(event, () => {
        if (ours() && this.current !== 'crashed') this.current = 'stopped';
      });
    }
    consumer.on(CRASH, (event: ConsumerCrashEvent) => {
      if (!ours()) return;
      this.crash = event.payload.error;
      this.current = event.payload.restart ? 'restarting' : 'crashed';
    });
  }

  /** Stopped on purpose: nothing followed any more. */
  stopped(): void {
    this.followed = undefined;
    this.current = 'stopped';
  }

  /** Resolves while joined; otherwise rejects saying why (for the log: it may name a broker). */
  check(): Promise<void> {
    return this.current === 'joined' ? Promise.resolve() : Promise.reject(new Error(this.whyNotJoined()));
  }

  private whyNotJoined(): string {
    const crash = this.crash?.message ?? 'unknown error';
    switch (this.current) {
      case 'restarting':
        return `the consumer crashed and is restarting: ${crash}`;
      case 'crashed':
        return `the consumer crashed and kafkajs will not restart it (the service starts it again): ${crash}`;
      case 'joining':
        return 'the consumer is joining its group';
      default:
        return `the consumer is ${this.current}`;
    }
  }
}
