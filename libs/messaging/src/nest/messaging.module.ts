import {
  BeforeApplicationShutdown,
  DynamicModule,
  Injectable,
  Logger,
  MiddlewareConsumer,
  Module,
  NestModule,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner } from '@nestjs/core';
import { ReadinessChecks } from '@c2c/platform';
import { TransactionRunner } from '@c2c/persistence';
import { Kafka } from 'kafkajs';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { EventConsumer } from '../consumer/event-consumer';
import { RetryPolicy } from '../consumer/failure-policy';
import { DeadLetters } from '../dead-letters/dead-letters';
import { MessagingAdminController } from '../admin/messaging-admin.controller';
import { MessagingAdmin } from '../admin/messaging-admin.service';
import { TOPIC_NAMES, TOPICS } from '@c2c/contracts';
import { createKafka, topicName } from '../kafka/kafka-client';
import { KafkaReadiness } from '../kafka/kafka-readiness';
import type { KafkaSecurityOptions } from '../kafka/kafka-security';
import { Outbox } from '../outbox/outbox';
import { OutboxRelay } from '../relay/outbox-relay';
import { handledEventTypes } from './handles-event.decorator';
import { MessageContextMiddleware } from './message-context.middleware';
import { MessagingMetrics } from './messaging-metrics';

export interface MessagingModuleOptions {
  /** The service's name: its Kafka client id, its consumer group and its events' source. */
  service: string;
  brokers: string[];
  /** The service's schema: outbox and inbox live there. */
  schema: string;
  /** The service's database URL, for the relay's own session (LISTEN and leader lock). */
  databaseUrl: string;
  /** Prepended to every topic name; empty in production. */
  topicPrefix?: string;
  /** Run the outbox relay in this process (default true). */
  relay?: boolean;
  /**
   * Run the `@HandlesEvent` consumer in this process (default true). One-off jobs (demo data) say
   * false: joining the service's group would only make the running service rebalance.
   */
  consume?: boolean;
  retry?: Partial<RetryPolicy>;
  /** The consumer group; defaults to the topic prefix followed by the service name. */
  groupId?: string;
  /** TLS and SASL for every client of the service (relay, consumer, admin, dead letters, readiness). */
  security?: KafkaSecurityOptions;
}

export const MESSAGING_OPTIONS = Symbol('MessagingOptions');

/** A readiness check of a part of this process: throws (the reason goes to the log only) when it is not running. */
export function running(isRunning: boolean, what: string): Promise<void> {
  return isRunning ? Promise.resolve() : Promise.reject(new Error(`${what} is not running`));
}

/** Starts what the service declared once every module is ready, and stops it before the database goes. */
@Injectable()
class MessagingRuntime implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('messaging');
  private readonly readiness: KafkaReadiness;
  private consumerStart: Promise<void> | undefined;
  private stopping = false;
  // What readiness reports for the relay and the consumer: set once each has started, cleared when
  // shutdown begins, so a stopping instance turns unready and the load balancer sends it nothing new.
  private relayRunning = false;
  private consumerRunning = false;

  constructor(
    kafka: Kafka,
    private readonly checks: ReadinessChecks,
    private readonly options: MessagingModuleOptions,
    private readonly relay: OutboxRelay,
    private readonly consumer: EventConsumer,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {
    this.readiness = new KafkaReadiness(kafka);
    checks.register('kafka', () => this.readiness.check());
    if (options.relay !== false) {
      checks.register('outbox-relay', () => running(this.relayRunning, 'the outbox relay'));
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    let handlers = 0;
    // An alias (`useExisting`) or a re-provided instance shows up once per wrapper; scanning it twice
    // would register its handlers twice, and each would then apply every event twice.
    const scanned = new Set<object>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || scanned.has(instance)) continue;
      scanned.add(instance);
      for (const name of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance) as object)) {
        const method = instance[name];
        if (typeof method !== 'function') continue;
        for (const type of handledEventTypes(method)) {
          this.consumer.on(type, (method as (...args: unknown[]) => Promise<void>).bind(instance));
          handlers++;
        }
      }
    }
    if (this.options.relay !== false) {
      await this.relay.start();
      this.relayRunning = !this.stopping;
    }
    // In the background: a broker that is down at start makes the service unready, not dead.
    if (handlers > 0 && this.options.consume !== false) {
      // Started is not enough: the consumer must be in its group (not joining, crashed or stopped).
      this.checks.register('consumer', () =>
        this.consumerRunning ? this.consumer.readiness() : running(false, 'the consumer'),
      );
      this.consumerStart = this.startConsumer(handlers);
    }
  }

  private async startConsumer(handlers: number): Promise<void> {
    for (let attempt = 1; !this.stopping; attempt++) {
      try {
        await this.consumer.start();
        this.consumerRunning = !this.stopping;
        this.logger.log(`consuming ${this.consumer.topics().join(', ')} with ${handlers} handler(s)`);
        return;
      } catch (error) {
        await this.consumer.stop().catch(() => undefined);
        this.logger.warn({ err: error, msg: `consumer could not start (attempt ${attempt}); retrying` });
        await new Promise((resolve) =>
          setTimeout(resolve, Math.min(30_000, 500 * 2 ** Math.min(attempt, 6))),
        );
      }
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.relayRunning = false;
    this.consumerRunning = false;
    await this.relay.stop();
    await this.consumerStart;
    await this.consumer.stop();
    await this.readiness.close();
  }
}

/**
 * Everything a service needs to publish and consume events: the `Outbox` for its writes, the relay,
 * the `@HandlesEvent` consumer, dead letters, the broker in readiness, and message context per request.
 */
@Module({})
export class MessagingModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(MessageContextMiddleware).forRoutes('*');
  }

  static forRoot(options: MessagingModuleOptions): DynamicModule {
    const logger = new Logger('kafka');
    const batchLogger = new Logger('consumer');
    // The prefix keeps apps in different namespaces (parallel test files) out of each other's group.
    const groupId = options.groupId ?? `${options.topicPrefix ?? ''}${options.service}`;
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule],
      controllers: [MessagingAdminController],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        {
          provide: Kafka,
          useFactory: () =>
            createKafka(
              { brokers: options.brokers, clientId: options.service, ...options.security },
              (level, message, extra) => logger[level === 'info' ? 'log' : level]({ ...extra, msg: message }),
            ),
        },
        { provide: Outbox, useFactory: () => new Outbox(options.schema) },
        {
          provide: MessagingMetrics,
          inject: [Registry],
          useFactory: (registry: Registry) => new MessagingMetrics(registry),
        },
        {
          provide: OutboxRelay,
          inject: [DataSource, Kafka, MessagingMetrics],
          useFactory: (dataSource: DataSource, kafka: Kafka, metrics: MessagingMetrics) => {
            const relay = new OutboxRelay(dataSource, kafka, {
              schema: options.schema,
              databaseUrl: options.databaseUrl,
              topicPrefix: options.topicPrefix,
              topics: TOPIC_NAMES.filter((topic) => TOPICS[topic].service === options.service).map((topic) =>
                topicName(options.topicPrefix, topic),
              ),
              onError: (error) => logger.error({ err: error, msg: 'outbox relay failed; retrying' }),
              onPublished: metrics.onPublished,
            });
            metrics.watchBacklog(relay);
            return relay;
          },
        },
        {
          provide: EventConsumer,
          inject: [Kafka, TransactionRunner, MessagingMetrics],
          useFactory: (kafka: Kafka, transactions: TransactionRunner, metrics: MessagingMetrics) => {
            const consumer = new EventConsumer(kafka, transactions, {
              groupId,
              schema: options.schema,
              topicPrefix: options.topicPrefix,
              retry: options.retry,
              onError: (error, context) => logger.warn({ err: error, msg: `handler failed: ${context}` }),
              onOutcome: metrics.onOutcome,
              onRetry: metrics.onRetry,
              onPartitionHeld: metrics.onPartitionHeld,
              onRestart: metrics.onRestart,
              // Debug, not info: a line per fetched batch roughly doubles what a busy consumer logs,
              // the steady state is in the metrics (consumed events by outcome, lag) and failures have
              // warnings of their own. It is for following one partition while investigating.
              onBatch: (summary) => batchLogger.debug({ ...summary, msg: 'event batch handled' }),
            });
            metrics.watchLag(groupId, consumer);
            return consumer;
          },
        },
        {
          provide: DeadLetters,
          inject: [Kafka, DataSource, EventConsumer],
          useFactory: (kafka: Kafka, dataSource: DataSource, consumer: EventConsumer) =>
            new DeadLetters(kafka, dataSource, consumer, { groupId, schema: options.schema }),
        },
        {
          // The operator endpoints (secretariat only), which the gateway's admin routes call.
          provide: MessagingAdmin,
          inject: [Kafka, DeadLetters, EventConsumer, OutboxRelay],
          useFactory: (kafka: Kafka, deadLetters: DeadLetters, consumer: EventConsumer, relay: OutboxRelay) =>
            new MessagingAdmin({
              deadLetters,
              consumer,
              relay,
              kafkaAdmin: async () => {
                const admin = kafka.admin();
                await admin.connect();
                return { admin, release: () => admin.disconnect() };
              },
              groupId,
              relayInProcess: options.relay !== false,
            }),
        },
        {
          provide: MessagingRuntime,
          inject: [
            Kafka,
            ReadinessChecks,
            MESSAGING_OPTIONS,
            OutboxRelay,
            EventConsumer,
            DiscoveryService,
            MetadataScanner,
          ],
          useFactory: (...deps: ConstructorParameters<typeof MessagingRuntime>) =>
            new MessagingRuntime(...deps),
        },
      ],
      exports: [Kafka, Outbox, OutboxRelay, EventConsumer, DeadLetters, MESSAGING_OPTIONS],
    };
  }
}
