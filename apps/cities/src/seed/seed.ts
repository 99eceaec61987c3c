import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { SYSTEM_USER } from '../cities/city-access';
import { CityError, CityErrorCode } from '../cities/cities.errors';
import type { RegisterCityCommand } from '../cities/city';
import { RegisterCity } from '../cities/usecases/register-city.usecase';
import type { CitiesConfig } from '../config';
import { ASIAN_CITIES } from './asian-cities';

export interface SeedResult {
  added: string[];
  /** Already registered (same country and folded name): left exactly as they are. */
  skipped: string[];
}

/**
 * Registers each demo city through the same use case as `POST /cities`, so each gets its
 * `c2c.city.registered.v1` event. Running it again adds nothing.
 */
export async function seedCities(
  registerCity: Pick<RegisterCity, 'execute'>,
  cities: readonly RegisterCityCommand[] = ASIAN_CITIES,
): Promise<SeedResult> {
  const result: SeedResult = { added: [], skipped: [] };
  for (const city of cities) {
    const label = `${city.name} (${city.countryCode})`;
    try {
      await registerCity.execute(SYSTEM_USER, city);
      result.added.push(label);
    } catch (error) {
      if (!(error instanceof CityError) || error.code !== CityErrorCode.AlreadyRegistered) throw error;
      result.skipped.push(label);
    }
  }
  return result;
}

/**
 * The demo-data loader as a one-off job: the cities service's own modules against its database.
 * The relay is left to the running service, which publishes the new outbox rows.
 */
export async function runSeed(config: CitiesConfig): Promise<SeedResult> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, { relay: false }), {
    logger: ['error', 'warn'],
  });
  try {
    return await seedCities(app.get(RegisterCity));
  } finally {
    await app.close();
  }
}
