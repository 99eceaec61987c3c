import { Problem, ProblemType } from '@c2c/platform';
import type { Admin } from 'kafkajs';
import type { RecordOutcome } from '../consumer/consumed-record';
import { DLQ_HEADERS } from '../consumer/dead-letter';
import type { DeadLetter } from '../dead-letters/dead-letters';
import { consumerLag } from '../kafka/consumer-lag';
import type { RelayBacklog } from '../relay/outbox-relay';
import type {
  DeadLetterDetailResponse,
  DeadLetterFilterQuery,
  DeadLetterResponse,
  ReplayDeadLettersDto,
  ReplayResultResponse,
} from './dto/dead-letter.dto';
import type { ConsumerStatusResponse, OutboxStatusResponse } from './dto/messaging-status.dto';

/** What the operator endpoints need of the messaging parts: narrow, so a unit test can fake them. */
export interface MessagingAdminPorts {
  deadLetters: {
    list(): Promise<DeadLetter[]>;
    replayAll(
      select: (letter: DeadLetter) => boolean,
    ): Promise<{ letter: DeadLetter; outcome: RecordOutcome }[]>;
  };
  consumer: { topics(): string[]; readonly deadLetterTopic: string };
  relay: { backlog(): Promise<RelayBacklog> };
  /** A connected Kafka admin client for one call; `release` disconnects it. */
  kafkaAdmin(): Promise<{ admin: Admin; release: () => Promise<void> }>;
  groupId: string;
  relayInProcess: boolean;
}

const headerText = (letter: DeadLetter, name: string): string | null => {
  const value = letter.record.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? null : first.toString();
};

const text = (value: Buffer | string | null): string | null =>
  value === null ? null : typeof value === 'string' ? value : value.toString('utf8');

function parsed(value: string | null): unknown {
  if (value === null) return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    // A malformed record is often why it was dead-lettered: its text is what the operator needs.
    return value;
  }
}

/** Whether a letter passes a list's or a replay's filter. */
export function matches(letter: DeadLetter, filter: DeadLetterFilterQuery): boolean {
  if (filter.type !== undefined && letter.eventType !== filter.type) return false;
  if (filter.since !== undefined) {
    const failedAt = Date.parse(letter.failedAt);
    // A letter without a time cannot be shown to be recent, so a time filter leaves it out.
    if (Number.isNaN(failedAt) || failedAt < Date.parse(filter.since)) return false;
  }
  return true;
}

export function toDeadLetterResponse(letter: DeadLetter): DeadLetterResponse {
  const originalPartition = headerText(letter, DLQ_HEADERS.partition);
  return {
    partition: letter.partition,
    offset: letter.offset,
    eventId: letter.eventId,
    eventType: letter.eventType,
    reason: letter.reason,
    error: letter.error,
    attempts: letter.attempts,
    originalTopic: letter.originalTopic,
    originalPartition: originalPartition === null ? null : Number(originalPartition),
    originalOffset: headerText(letter, DLQ_HEADERS.offset),
    failedAt: letter.failedAt,
    resolved: letter.resolved,
  };
}

function toDetail(letter: DeadLetter): DeadLetterDetailResponse {
  const headers = Object.fromEntries(
    Object.keys(letter.record.headers).map((name) => [name, headerText(letter, name) ?? '']),
  );
  return {
    ...toDeadLetterResponse(letter),
    key: text(letter.record.key),
    headers,
    data: parsed(text(letter.record.value)),
  };
}

/**
 * The operator's view of one service's messaging: its consumer group's dead letters (list, show,
 * replay), its outbox backlog and its consumer lag. Replays go through the consumer's own path
 * (validation, inbox, retries), so nothing is applied twice.
 */
export class MessagingAdmin {
  constructor(private readonly ports: MessagingAdminPorts) {}

  async deadLetters(filter: DeadLetterFilterQuery): Promise<DeadLetterResponse[]> {
    if (this.ports.consumer.topics().length === 0) return [];
    return (await this.ports.deadLetters.list()).filter((l) => matches(l, filter)).map(toDeadLetterResponse);
  }

  async deadLetter(partition: number, offset: string): Promise<DeadLetterDetailResponse> {
    const letters = this.ports.consumer.topics().length === 0 ? [] : await this.ports.deadLetters.list();
    const letter = letters.find((l) => l.partition === partition && l.offset === offset);
    if (letter === undefined) {
      throw new Problem(ProblemType.NotFound, `no dead letter at partition ${partition} offset ${offset}`);
    }
    return toDetail(letter);
  }

  /**
   * Replays one letter (by position) or every unresolved letter a filter takes, oldest first. A
   * resolved letter is not replayed: its event was applied, and the consumer validates before it
   * looks at its inbox, so replaying a resolved poison letter would only dead-letter it again. Named
   * by position, it is answered `duplicate`, what the inbox would have said of a valid one.
   */
  async replay(selection: ReplayDeadLettersDto): Promise<ReplayResultResponse[]> {
    const select = this.selectionOf(selection);
    const byPosition = selection.partition !== undefined;
    const applied: { letter: DeadLetter; outcome: RecordOutcome }[] = [];
    const replayed = await this.ports.deadLetters.replayAll((letter) => {
      if (!select(letter)) return false;
      if (letter.resolved && byPosition) applied.push({ letter, outcome: 'duplicate' });
      return !letter.resolved;
    });
    const results = [...applied, ...replayed];
    if (results.length === 0 && byPosition) {
      throw new Problem(
        ProblemType.NotFound,
        `no dead letter at partition ${selection.partition} offset ${selection.offset}`,
      );
    }
    return results.map(({ letter, outcome }) => ({
      partition: letter.partition,
      offset: letter.offset,
      eventId: letter.eventId,
      eventType: letter.eventType,
      outcome,
    }));
  }

  async outbox(): Promise<OutboxStatusResponse> {
    const backlog = await this.ports.relay.backlog();
    return { ...backlog, relayInProcess: this.ports.relayInProcess };
  }

  async consumers(): Promise<ConsumerStatusResponse> {
    const topics = this.ports.consumer.topics();
    const base = { group: this.ports.groupId, deadLetterTopic: this.ports.consumer.deadLetterTopic };
    if (topics.length === 0) return { ...base, lag: 0, partitions: [] };
    const client = await this.ports.kafkaAdmin();
    try {
      // One metadata load for every topic first: consumerLag asks for the topics' offsets in parallel,
      // and kafkajs's parallel metadata refreshes on a fresh client race (tulios/kafkajs#461), which
      // failed one call in a few here.
      await client.admin.fetchTopicMetadata({ topics });
      // The broker's figures, not the consumer's: right even while this instance's consumer is down.
      const partitions = await consumerLag(client.admin, this.ports.groupId, topics);
      return { ...base, lag: partitions.reduce((sum, p) => sum + p.lag, 0), partitions };
    } finally {
      await client.release();
    }
  }

  private selectionOf(selection: ReplayDeadLettersDto): (letter: DeadLetter) => boolean {
    const { partition, offset, type, since, all } = selection;
    if (partition !== undefined && offset !== undefined) {
      const extra = (['type', 'since', 'all'] as const).find((field) => selection[field] !== undefined);
      if (extra !== undefined) {
        throw invalid(extra, `${extra} cannot be combined with a position (partition and offset)`);
      }
      return (letter) => letter.partition === partition && letter.offset === offset;
    }
    if (all === true) {
      if (type !== undefined || since !== undefined) {
        throw invalid('all', 'all replays every letter: leave out type and since, or all');
      }
      return () => true;
    }
    if (type === undefined && since === undefined) {
      throw invalid('all', 'say what to replay: partition and offset, type, since, or all: true');
    }
    return (letter) => matches(letter, { type, since });
  }
}

function invalid(field: string, message: string): Problem {
  return new Problem(ProblemType.ValidationError, `invalid field(s): ${field}`, {
    errors: [{ field, message }],
  });
}
