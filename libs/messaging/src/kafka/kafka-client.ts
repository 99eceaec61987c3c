import net from 'node:net';
import tls from 'node:tls';
import { ISocketFactory, Kafka, logLevel, LogEntry, Partitioners, ProducerConfig } from 'kafkajs';
import { kafkaSecurityConfig, KafkaSecurityOptions } from './kafka-security';

export interface KafkaConnectionOptions extends KafkaSecurityOptions {
  brokers: string[];
  clientId: string;
  /** Prepended to every topic name: empty in production, a per-test namespace in tests. */
  topicPrefix?: string;
}

type LogSink = (level: 'error' | 'warn' | 'info', message: string, extra: Record<string, unknown>) => void;

const levels: Partial<Record<logLevel, 'error' | 'warn' | 'info'>> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
};

let warningFilterInstalled = false;

/**
 * kafkajs 2.2.4 arms a timer with a negative delay when nothing is throttled, and Node 24 warns about
 * it on every client (kafkajs issue #1751); the timer still fires at 1 ms as intended. Only that one
 * warning is dropped; every other warning is printed as before.
 */
function filterKafkajsTimerWarning(): void {
  if (warningFilterInstalled) return;
  warningFilterInstalled = true;
  const listeners = process.listeners('warning');
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (warning.name === 'TimeoutNegativeWarning') return;
    for (const listener of listeners) listener(warning);
  });
}

/**
 * kafkajs's own socket factory, plus TCP_NODELAY. kafkajs leaves Nagle's algorithm on, so a small
 * produce request can wait for the previous segment's delayed ACK (up to 40 ms on Linux): the tail
 * of commit-to-publish latency. Every other Kafka client turned it off by default for that reason.
 */
export const noDelaySocketFactory: ISocketFactory = ({ host, port, ssl, onConnect }) => {
  const socket = ssl
    ? tls.connect({ host, port, ...(net.isIP(host) ? {} : { servername: host }), ...ssl }, onConnect)
    : net.connect({ host, port }, onConnect);
  socket.setNoDelay(true);
  socket.setKeepAlive(true, 60_000);
  return socket;
};

/**
 * Printed for every idempotent producer, since they inherit the client's bounded retries. Bounded on
 * purpose: after the last try the relay leaves the rows in the outbox and sends them on its next pass
 * (duplicates are absorbed by consumers' inboxes), where unbounded retries would hold a send, and
 * shutdown, through a whole broker outage. Nothing here relies on Kafka's exactly-once delivery.
 */
const BOUNDED_RETRIES_WARNING = 'Limiting retries for the idempotent producer may invalidate EoS guarantees';

/**
 * The one way a Kafka client is made here (relay, consumer, admin, dead letters, readiness): with
 * `ssl` and `sasl` every connection is TLS (certificates verified) and SCRAM-authenticated.
 */
export function createKafka(options: KafkaConnectionOptions, sink?: LogSink): Kafka {
  filterKafkajsTimerWarning();
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    ...kafkaSecurityConfig(options),
    connectionTimeout: 3_000,
    socketFactory: noDelaySocketFactory,
    requestTimeout: 30_000,
    retry: { initialRetryTime: 200, retries: 8 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const mapped = levels[level];
        if (!mapped || !sink) return;
        const { message, ...extra } = log;
        if (message === BOUNDED_RETRIES_WARNING) return;
        sink(mapped, message, extra);
      },
  });
}

/**
 * Every producer here: idempotent with one request in flight, so retries within a session neither
 * duplicate nor reorder a key's records; keys partitioned with murmur2 as the Java client does, so a
 * producer in another stack puts a key on the same partition (kafkajs's default since 2.0, named here).
 */
export const idempotentProducerConfig = {
  idempotent: true,
  maxInFlightRequests: 1,
  createPartitioner: Partitioners.DefaultPartitioner,
} satisfies ProducerConfig;

export function topicName(prefix: string | undefined, topic: string): string {
  return `${prefix ?? ''}${topic}`;
}
