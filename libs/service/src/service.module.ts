import { DynamicModule, Logger, Module, Type } from '@nestjs/common';
import {
  AuthModule,
  type AuthModuleAsyncOptions,
  gatewayIssuer,
  gatewayTrustProblems,
  GatewayVerifiedServiceConfig,
  type TokenVerifierOptions,
} from '@c2c/auth';
import { kafkaSecurityFromSettings, MessagingModule, type MessagingModuleOptions } from '@c2c/messaging';
import { PersistenceModule, type ServiceDataSourceOptions } from '@c2c/persistence';
import { Clock, HealthModule, LoggingModule, ServiceConfig } from '@c2c/platform';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import {
  COMMAND_ANSWER_TTL,
  CommandAnswersRepository,
  CommandAnswersSweep,
  CommandReplayInterceptor,
} from './command-replay';

export interface ServiceModuleOptions<C extends ServiceConfig> {
  /** The service's name: its logs, its Kafka client id and consumer group, its events' source. */
  name: string;
  /** The validated environment (see `loadConfig`); injectable by its class and as `ServiceConfig`. */
  config: C;
  /** The schema the service owns, with its entities and migrations (outbox and inbox first). */
  database: Pick<ServiceDataSourceOptions, 'schema' | 'entities' | 'migrations'>;
  /**
   * Publishing and consuming events. On by default (`relay: false` leaves the outbox to another
   * process, `consume: false` the topics); `false` for an app that neither publishes nor consumes
   * (the gateway).
   */
  messaging?: Pick<MessagingModuleOptions, 'relay' | 'consume' | 'retry'> | false;
  /**
   * Who issues the tokens the app accepts. By default the gateway, whose keys it fetches (the
   * config must then be a `GatewayVerifiedServiceConfig`); the gateway passes its own issuers.
   */
  auth?: AuthModuleAsyncOptions;
  /**
   * Keyed commands have their effects once (see {@link CommandReplayInterceptor}); on by default, its
   * table made by `commandAnswersMigration` among the app's migrations. `false` for the gateway, which
   * keeps Idempotency-Keys itself and must not hold a transaction open across a forward.
   */
  commandReplay?: boolean;
}

/**
 * Everything a service is made of besides its features, wired one way for every app: JSON logging,
 * health and metrics, its configuration and clock, its database (migrated at start), messaging
 * (outbox relay, `@HandlesEvent` consumer, dead letters), bearer-token authentication (deny by
 * default), keyed commands applied once, and scheduled jobs (`@Interval`, `@Cron`). An app's module imports this and its features.
 *
 * @example
 *   imports: [ServiceModule.forRoot({ name: 'cities', config, database: { schema: 'cities', entities, migrations } }), CitiesModule]
 */
@Module({})
export class ServiceModule {
  static forRoot<C extends ServiceConfig>(options: ServiceModuleOptions<C>): DynamicModule {
    const { name, config, database } = options;
    const configClass = config.constructor as Type<C>;
    return {
      module: ServiceModule,
      global: true,
      imports: [
        LoggingModule.forRoot(name, config.LOG_LEVEL),
        HealthModule,
        ScheduleModule.forRoot(),
        PersistenceModule.forRoot({ url: config.DATABASE_URL, applicationName: name, ...database }),
        ...(options.messaging === false
          ? []
          : [
              MessagingModule.forRoot({
                service: name,
                schema: database.schema,
                databaseUrl: config.DATABASE_URL,
                brokers: config.KAFKA_BROKERS.split(','),
                topicPrefix: config.KAFKA_TOPIC_PREFIX,
                // Consumer groups are namespaced like topics: apps under different prefixes (parallel
                // test files, two environments on one broker) must not split one group's partitions.
                groupId: `${config.KAFKA_TOPIC_PREFIX}${name}`,
                // TLS and SASL from the environment, for every client the module makes.
                security: kafkaSecurityFromSettings(config),
                ...options.messaging,
              }),
            ]),
        AuthModule.forRootAsync(options.auth ?? { useFactory: () => trustTheGateway(name, config) }),
      ],
      providers: [
        { provide: configClass, useValue: config },
        { provide: ServiceConfig, useValue: config },
        Clock,
        ...(options.commandReplay === false
          ? []
          : [
              // One repository of the service's `command_answers`, for the interceptor and the sweep.
              { provide: CommandAnswersRepository, useValue: new CommandAnswersRepository(database.schema) },
              { provide: APP_INTERCEPTOR, useClass: CommandReplayInterceptor },
              { provide: COMMAND_ANSWER_TTL, useValue: commandAnswerTtlHours(config) },
              CommandAnswersSweep,
            ]),
      ],
      exports: [configClass, ServiceConfig, Clock],
    };
  }
}

/**
 * A service behind the gateway accepts only the internal tokens the gateway forwards to it (its own
 * audience), checked against the gateway's keys and revocation feed; a plain-HTTP JWKS is a warning
 * (refused in production), said once at start.
 */
function trustTheGateway(name: string, config: ServiceConfig): TokenVerifierOptions {
  const verified = asGatewayVerified(config);
  const logger = new Logger('GatewayTrust');
  for (const warning of gatewayTrustProblems(verified)) logger.warn(warning);
  return { issuers: [gatewayIssuer(verified, name)] };
}

function asGatewayVerified(config: ServiceConfig): GatewayVerifiedServiceConfig {
  if (!(config instanceof GatewayVerifiedServiceConfig)) {
    throw new Error('a service that verifies gateway tokens needs a GatewayVerifiedServiceConfig');
  }
  return config;
}

/** The configured answer TTL of a service behind the gateway; the default for any other config. */
function commandAnswerTtlHours(config: ServiceConfig): number {
  return config instanceof GatewayVerifiedServiceConfig
    ? config.COMMAND_ANSWER_TTL_HOURS
    : new GatewayVerifiedServiceConfig().COMMAND_ANSWER_TTL_HOURS;
}
