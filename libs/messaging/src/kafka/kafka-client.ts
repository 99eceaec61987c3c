import { Kafka, logLevel, LogEntry } from 'kafkajs';

export interface KafkaConnectionOptions {
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

export function createKafka(options: KafkaConnectionOptions, sink?: LogSink): Kafka {
  filterKafkajsTimerWarning();
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    connectionTimeout: 3_000,
    requestTimeout: 30_000,
    retry: { initialRetryTime: 200, retries: 8 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const mapped = levels[level];
        if (!mapped || !sink) return;
        const { message, ...extra } = log;
        sink(mapped, message, extra);
      },
  });
}

export function topicName(prefix: string | undefined, topic: string): string {
  return `${prefix ?? ''}${topic}`;
}
