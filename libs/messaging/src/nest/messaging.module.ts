import {
  DynamicModule,
  Injectable,
  Logger,
  Module,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { ReadinessChecks } from '@c2c/platform';
import { Kafka } from 'kafkajs';
import { createKafka } from '../kafka/kafka-client';
import { KafkaReadiness } from '../kafka/kafka-readiness';

export interface MessagingModuleOptions {
  /** The service's name: its client id, consumer group and CloudEvents source (`/c2c/<service>`). */
  service: string;
  brokers: string[];
  /** Prepended to every topic name; empty in production. */
  topicPrefix?: string;
}

export const MESSAGING_OPTIONS = Symbol('MessagingOptions');

@Injectable()
class KafkaLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly readiness: KafkaReadiness;

  constructor(
    kafka: Kafka,
    private readonly checks: ReadinessChecks,
  ) {
    this.readiness = new KafkaReadiness(kafka);
  }

  onModuleInit(): void {
    this.checks.register('kafka', () => this.readiness.check());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.readiness.close();
  }
}

/** The service's connection to Kafka, and the broker as part of its readiness. */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    const logger = new Logger('kafka');
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        {
          provide: Kafka,
          useFactory: () =>
            createKafka({ brokers: options.brokers, clientId: options.service }, (level, message, extra) =>
              logger[level === 'info' ? 'log' : level]({ ...extra, msg: message }),
            ),
        },
        {
          provide: KafkaLifecycle,
          inject: [Kafka, ReadinessChecks],
          useFactory: (kafka: Kafka, checks: ReadinessChecks) => new KafkaLifecycle(kafka, checks),
        },
      ],
      exports: [Kafka, MESSAGING_OPTIONS],
    };
  }
}
