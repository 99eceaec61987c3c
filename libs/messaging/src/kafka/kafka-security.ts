import { readFileSync } from 'node:fs';
import type { KafkaConfig } from 'kafkajs';

/**
 * TLS to the brokers. Certificates are verified always (there is no switch to turn that off): against
 * `ca` when given, else the system's trust store. `cert` and `key` together give mutual TLS.
 */
export interface KafkaTlsOptions {
  /** PEM certificate(s) of the authority that signed the brokers' certificates. */
  ca?: string | Buffer;
  /** PEM client certificate, for brokers that authenticate clients by certificate. */
  cert?: string | Buffer;
  /** PEM private key of `cert`. */
  key?: string | Buffer;
}

/** The SASL mechanisms supported: SCRAM never sends the password itself, unlike PLAIN. */
export const KAFKA_SASL_MECHANISMS = ['scram-sha-256', 'scram-sha-512'] as const;
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

export interface KafkaSaslOptions {
  mechanism: KafkaSaslMechanism;
  username: string;
  password: string;
}

/** How a client proves who it is and protects what it sends: both off only on a local broker. */
export interface KafkaSecurityOptions {
  ssl?: KafkaTlsOptions;
  sasl?: KafkaSaslOptions;
}

/**
 * The kafkajs settings of `security`. Refuses what would connect less safely than asked: a client
 * certificate without its key (or a key alone), a mechanism outside SCRAM, empty credentials.
 */
export function kafkaSecurityConfig(security: KafkaSecurityOptions = {}): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  const { ssl, sasl } = security;
  const config: Pick<KafkaConfig, 'ssl' | 'sasl'> = {};
  if (ssl) {
    if ((ssl.cert === undefined) !== (ssl.key === undefined)) {
      throw new Error('Kafka TLS: a client certificate and its key go together');
    }
    config.ssl = {
      rejectUnauthorized: true,
      ...(ssl.ca === undefined ? {} : { ca: [ssl.ca] }),
      ...(ssl.cert === undefined ? {} : { cert: ssl.cert }),
      ...(ssl.key === undefined ? {} : { key: ssl.key }),
    };
  }
  if (sasl) {
    if (!(KAFKA_SASL_MECHANISMS as readonly string[]).includes(sasl.mechanism)) {
      throw new Error(
        `Kafka SASL: mechanism ${String(sasl.mechanism)} is not one of ${KAFKA_SASL_MECHANISMS.join(', ')}`,
      );
    }
    if (sasl.username === '' || sasl.password === '') {
      throw new Error('Kafka SASL: a username and a password are required');
    }
    const { username, password } = sasl;
    config.sasl =
      sasl.mechanism === 'scram-sha-256'
        ? { mechanism: 'scram-sha-256', username, password }
        : { mechanism: 'scram-sha-512', username, password };
  }
  return config;
}

/** The service environment's Kafka security variables (validated by `ServiceConfig`). */
export interface KafkaSecuritySettings {
  KAFKA_SSL: boolean;
  KAFKA_SSL_CA_FILE?: string | undefined;
  KAFKA_SASL_MECHANISM?: KafkaSaslMechanism | undefined;
  KAFKA_SASL_USERNAME?: string | undefined;
  KAFKA_SASL_PASSWORD?: string | undefined;
}

/**
 * The security options of the service environment; reads the CA file at once, so a wrong path stops
 * the app at start rather than at its first connection.
 */
export function kafkaSecurityFromSettings(
  settings: KafkaSecuritySettings,
  readFile: (path: string) => Buffer = (path) => readFileSync(path),
): KafkaSecurityOptions {
  const security: KafkaSecurityOptions = {};
  if (settings.KAFKA_SSL) {
    const caFile = settings.KAFKA_SSL_CA_FILE;
    let ca: Buffer | undefined;
    if (caFile) {
      try {
        ca = readFile(caFile);
      } catch (error) {
        throw new Error(
          `KAFKA_SSL_CA_FILE ${caFile} cannot be read: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      }
    }
    security.ssl = ca === undefined ? {} : { ca };
  }
  if (settings.KAFKA_SASL_MECHANISM) {
    security.sasl = {
      mechanism: settings.KAFKA_SASL_MECHANISM,
      username: settings.KAFKA_SASL_USERNAME ?? '',
      password: settings.KAFKA_SASL_PASSWORD ?? '',
    };
  }
  return security;
}
