import { kafkaSecurityConfig, kafkaSecurityFromSettings, type KafkaSaslOptions } from './kafka-security';

const CA = '-----BEGIN CERTIFICATE-----\nMIIB…ca\n-----END CERTIFICATE-----\n';

describe(kafkaSecurityConfig.name, () => {
  it('leaves a client plaintext and anonymous when nothing is asked (the local broker)', () => {
    expect(kafkaSecurityConfig()).toEqual({});
    expect(kafkaSecurityConfig({})).toEqual({});
  });

  it('maps TLS with the system trust store, with a CA of its own, and with a client certificate, always verifying', () => {
    expect(kafkaSecurityConfig({ ssl: {} })).toEqual({ ssl: { rejectUnauthorized: true } });
    expect(kafkaSecurityConfig({ ssl: { ca: CA } })).toEqual({ ssl: { rejectUnauthorized: true, ca: [CA] } });
    expect(kafkaSecurityConfig({ ssl: { ca: CA, cert: 'CERT', key: 'KEY' } })).toEqual({
      ssl: { rejectUnauthorized: true, ca: [CA], cert: 'CERT', key: 'KEY' },
    });
  });

  it('refuses a client certificate without its key, and a key alone', () => {
    expect(() => kafkaSecurityConfig({ ssl: { cert: 'CERT' } })).toThrow(/certificate and its key/);
    expect(() => kafkaSecurityConfig({ ssl: { key: 'KEY' } })).toThrow(/certificate and its key/);
  });

  it.each(['scram-sha-256', 'scram-sha-512'] as const)('maps SASL %s with its credentials', (mechanism) => {
    expect(
      kafkaSecurityConfig({ ssl: {}, sasl: { mechanism, username: 'partnerships', password: 's3cret' } }),
    ).toEqual({
      ssl: { rejectUnauthorized: true },
      sasl: { mechanism, username: 'partnerships', password: 's3cret' },
    });
  });

  it('refuses another mechanism and empty credentials', () => {
    // A mechanism the type forbids, as an untyped caller could still pass it.
    const plain = { mechanism: 'plain', username: 'u', password: 'p' } as unknown as KafkaSaslOptions;
    expect(() => kafkaSecurityConfig({ sasl: plain })).toThrow(
      /plain is not one of scram-sha-256, scram-sha-512/,
    );
    expect(() =>
      kafkaSecurityConfig({ sasl: { mechanism: 'scram-sha-256', username: 'u', password: '' } }),
    ).toThrow(/username and a password/);
  });
});

describe(kafkaSecurityFromSettings.name, () => {
  const read = (path: string): Buffer => {
    if (path === '/etc/kafka/ca.pem') return Buffer.from(CA);
    throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
  };

  it('is nothing for the local defaults', () => {
    expect(kafkaSecurityFromSettings({ KAFKA_SSL: false }, read)).toEqual({});
  });

  it('reads the CA file, and trusts the system store without one', () => {
    expect(
      kafkaSecurityFromSettings({ KAFKA_SSL: true, KAFKA_SSL_CA_FILE: '/etc/kafka/ca.pem' }, read),
    ).toEqual({
      ssl: { ca: Buffer.from(CA) },
    });
    expect(kafkaSecurityFromSettings({ KAFKA_SSL: true }, read)).toEqual({ ssl: {} });
  });

  it('stops at start, naming the variable, when the CA file cannot be read', () => {
    expect(() =>
      kafkaSecurityFromSettings({ KAFKA_SSL: true, KAFKA_SSL_CA_FILE: '/nowhere.pem' }, read),
    ).toThrow(
      "KAFKA_SSL_CA_FILE /nowhere.pem cannot be read: ENOENT: no such file or directory, open '/nowhere.pem'",
    );
  });

  it('carries the SASL mechanism and credentials', () => {
    expect(
      kafkaSecurityFromSettings(
        {
          KAFKA_SSL: true,
          KAFKA_SASL_MECHANISM: 'scram-sha-512',
          KAFKA_SASL_USERNAME: 'cities',
          KAFKA_SASL_PASSWORD: 'pw',
        },
        read,
      ),
    ).toEqual({ ssl: {}, sasl: { mechanism: 'scram-sha-512', username: 'cities', password: 'pw' } });
  });
});
