import { ConfigError } from '@c2c/platform';
import { readCitiesConfig } from './config';

describe('readCitiesConfig', () => {
  it('reads a valid environment into typed values with defaults', () => {
    const config = readCitiesConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1:5433/c2c', PORT: '4001' });
    expect(config.PORT).toBe(4001);
    expect(config.KAFKA_BROKERS).toBe('127.0.0.1:9092');
    expect(config.HOST).toBe('127.0.0.1');
  });

  it('names every variable that is missing or wrong', () => {
    let error: unknown;
    try {
      readCitiesConfig({ PORT: 'eighty', KAFKA_BROKERS: 'nope' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('PORT');
    expect(message).toContain('KAFKA_BROKERS must be a comma-separated list of host:port');
  });
});
