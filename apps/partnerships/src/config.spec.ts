import { ConfigError } from '@c2c/platform';
import { jwksUrlOf } from '@c2c/auth';
import { readPartnershipsConfig } from './config';

const DATABASE_URL = 'postgres://u:p@127.0.0.1:5433/c2c';

describe('readPartnershipsConfig', () => {
  it('reads defaults: port 3002, detections every 15 minutes, keys from the gateway', () => {
    const config = readPartnershipsConfig({ DATABASE_URL });
    expect(config.PORT).toBe(3002);
    expect(config.DETECTION_INTERVAL_MS).toBe(900_000);
    expect(config.DORMANT_AFTER_MONTHS).toBe(12);
    expect(config.RENEWAL_NOTICE_DAYS).toBe(90);
    expect(config.CITY_MODEL_REBUILD_ON_EMPTY).toBe(true);
    expect(jwksUrlOf(config)).toBe('http://127.0.0.1:3000/.well-known/jwks.json');
  });

  it('reads booleans and numbers from their environment spelling', () => {
    const config = readPartnershipsConfig({
      DATABASE_URL,
      CITY_MODEL_REBUILD_ON_EMPTY: 'false',
      DORMANT_AFTER_MONTHS: '6',
      AUTH_JWKS_URL: 'http://gateway:3000/keys.json',
    });
    expect(config.CITY_MODEL_REBUILD_ON_EMPTY).toBe(false);
    expect(config.DORMANT_AFTER_MONTHS).toBe(6);
    expect(jwksUrlOf(config)).toBe('http://gateway:3000/keys.json');
  });

  it('names every variable that is wrong', () => {
    let error: unknown;
    try {
      readPartnershipsConfig({ DATABASE_URL, DORMANT_AFTER_MONTHS: '0', CITY_MODEL_REBUILD_ON_EMPTY: 'yes' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain('DORMANT_AFTER_MONTHS');
    expect((error as ConfigError).message).toContain('CITY_MODEL_REBUILD_ON_EMPTY');
  });
});
