import type { ServiceUnderTest } from '@c2c/service/testing';
import type { TopicRecorder } from '@c2c/testing';
import { AppModule } from '../../src/app.module';
import { readCitiesConfig, type CitiesConfig } from '../../src/config';
import { citiesDatabase } from '../../src/database';

/**
 * The cities service as main.ts builds it, for `ServiceWorld.start`: pg_trgm provisioned like
 * production, under a role of the tests' own (roles are cluster-wide, and a running platform's
 * `c2c_cities` must keep its password).
 */
export const CITIES: ServiceUnderTest<CitiesConfig> = {
  name: 'cities',
  database: citiesDatabase('cities-test', 'c2c_test_cities'),
  readConfig: (env) => readCitiesConfig(env),
  module: (config) => AppModule.forRoot(config),
};

/** The recorded events of one type about one city, payloads parsed. */
export function eventsOf(
  recorder: TopicRecorder,
  type: string,
  cityId: string,
): { headers: Record<string, string>; data: unknown }[] {
  return recorder
    .ofType(type)
    .filter((message) => message.key === cityId)
    .map((message) => ({ headers: message.headers, data: JSON.parse(message.value ?? 'null') as unknown }));
}
