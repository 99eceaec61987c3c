import 'reflect-metadata';
import { ServiceConfig } from './common-config';
import { ConfigError, loadConfig } from './load-config';

const BASE = { DATABASE_URL: 'postgres://partnerships@db/c2c' };

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(ServiceConfig, { ...BASE, ...env });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('ServiceConfig: Kafka TLS and SASL', () => {
  it('is plaintext and anonymous by default, as the local broker is', () => {
    const config = loadConfig(ServiceConfig, BASE);
    expect(config.KAFKA_SSL).toBe(false);
    expect(config.KAFKA_SSL_CA_FILE).toBeUndefined();
    expect(config.KAFKA_SASL_MECHANISM).toBeUndefined();
  });

  it('reads TLS with a CA file and SCRAM credentials', () => {
    const config = loadConfig(ServiceConfig, {
      ...BASE,
      KAFKA_SSL: 'true',
      KAFKA_SSL_CA_FILE: '/etc/kafka/ca.pem',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'partnerships',
      KAFKA_SASL_PASSWORD: 's3cret',
    });
    expect(config).toMatchObject({
      KAFKA_SSL: true,
      KAFKA_SSL_CA_FILE: '/etc/kafka/ca.pem',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'partnerships',
      KAFKA_SASL_PASSWORD: 's3cret',
    });
  });

  it.each([
    [
      { KAFKA_SASL_MECHANISM: 'scram-sha-256' },
      [
        'KAFKA_SASL_USERNAME is required with KAFKA_SASL_MECHANISM',
        'KAFKA_SASL_PASSWORD is required with KAFKA_SASL_MECHANISM',
      ],
    ],
    [
      { KAFKA_SASL_MECHANISM: 'scram-sha-256', KAFKA_SASL_USERNAME: 'cities' },
      ['KAFKA_SASL_PASSWORD is required with KAFKA_SASL_MECHANISM'],
    ],
    [
      { KAFKA_SASL_USERNAME: 'cities', KAFKA_SASL_PASSWORD: 'pw' },
      ['KAFKA_SASL_USERNAME needs KAFKA_SASL_MECHANISM', 'KAFKA_SASL_PASSWORD needs KAFKA_SASL_MECHANISM'],
    ],
    [
      { KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' },
      ['KAFKA_SASL_MECHANISM must be one of scram-sha-256, scram-sha-512'],
    ],
    [{ KAFKA_SSL_CA_FILE: '/etc/kafka/ca.pem' }, ['KAFKA_SSL_CA_FILE needs KAFKA_SSL=true']],
    [{ KAFKA_SSL: 'yes' }, ['KAFKA_SSL must be true or false']],
  ])('refuses %j at start: %j', (env, problems) => {
    expect(problemsOf(env)).toEqual(problems);
  });
});
