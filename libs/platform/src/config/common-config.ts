import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
} from 'class-validator';

const BROKER_LIST = /^[^\s,:]+:\d{1,5}(,[^\s,:]+:\d{1,5})*$/;

// The environment gives strings; only the two spellings of a boolean are accepted, anything else fails.
const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

const SASL_MECHANISMS = ['scram-sha-256', 'scram-sha-512'] as const;

/** A variable that makes sense only beside another: refused, not ignored, when the other is missing. */
function Requires(holds: (config: ServiceConfig) => boolean, message: string): PropertyDecorator {
  return ValidateBy({
    name: 'requires',
    validator: {
      validate: (_value, args) => holds(args?.object as ServiceConfig),
      defaultMessage: () => message,
    },
  });
}

/**
 * Variables every service reads. Apps extend it with their own; names are the environment's names.
 */
export class ServiceConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsString()
  HOST = '127.0.0.1';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 0;

  /** The service's own role (see the persistence library's provisioning step). */
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// connection string' })
  DATABASE_URL!: string;

  @Matches(BROKER_LIST, { message: 'KAFKA_BROKERS must be a comma-separated list of host:port' })
  KAFKA_BROKERS = '127.0.0.1:9092';

  /** Prefixes every topic name; empty in production, a unique namespace per test file in tests. */
  @IsOptional()
  @Matches(/^[a-z0-9._-]*$/, { message: 'KAFKA_TOPIC_PREFIX may hold only a-z, 0-9, ".", "_" and "-"' })
  KAFKA_TOPIC_PREFIX = '';

  /** TLS to the brokers, certificates verified (against KAFKA_SSL_CA_FILE, else the system's store). */
  @Transform(toBoolean)
  @IsBoolean({ message: 'KAFKA_SSL must be true or false' })
  KAFKA_SSL = false;

  /** PEM file of the authority that signed the brokers' certificates; needs KAFKA_SSL=true. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @Requires((config) => config.KAFKA_SSL, 'KAFKA_SSL_CA_FILE needs KAFKA_SSL=true')
  KAFKA_SSL_CA_FILE?: string;

  /** SASL/SCRAM for every Kafka client; needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD. */
  @IsOptional()
  @IsIn(SASL_MECHANISMS, { message: `KAFKA_SASL_MECHANISM must be one of ${SASL_MECHANISMS.join(', ')}` })
  KAFKA_SASL_MECHANISM?: (typeof SASL_MECHANISMS)[number];

  // Required with a mechanism, refused without one: half a credential is a mistake either way.
  @ValidateIf(
    (config: ServiceConfig) =>
      config.KAFKA_SASL_MECHANISM !== undefined || config.KAFKA_SASL_USERNAME !== undefined,
  )
  @IsNotEmpty({ message: 'KAFKA_SASL_USERNAME is required with KAFKA_SASL_MECHANISM' })
  @Requires(
    (config) => config.KAFKA_SASL_MECHANISM !== undefined,
    'KAFKA_SASL_USERNAME needs KAFKA_SASL_MECHANISM',
  )
  KAFKA_SASL_USERNAME?: string;

  @ValidateIf(
    (config: ServiceConfig) =>
      config.KAFKA_SASL_MECHANISM !== undefined || config.KAFKA_SASL_PASSWORD !== undefined,
  )
  @IsNotEmpty({ message: 'KAFKA_SASL_PASSWORD is required with KAFKA_SASL_MECHANISM' })
  @Requires(
    (config) => config.KAFKA_SASL_MECHANISM !== undefined,
    'KAFKA_SASL_PASSWORD needs KAFKA_SASL_MECHANISM',
  )
  KAFKA_SASL_PASSWORD?: string;

  /**
   * The management port: when set, `/metrics` is served there (on {@link METRICS_HOST}) and no longer
   * on `PORT`. 0 takes any free port (tests).
   */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  METRICS_PORT?: number;

  /** Where the management port listens: loopback unless the scraper runs on another host. */
  @IsString()
  METRICS_HOST = '127.0.0.1';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Type(() => Number)
  @IsInt()
  @Min(1000)
  SHUTDOWN_TIMEOUT_MS = 10_000;
}
