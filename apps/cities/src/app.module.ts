import { DynamicModule, Module } from '@nestjs/common';
import { ServiceModule } from '@c2c/service';
import { CitiesModule } from './cities/cities.module';
import { CityEntity } from './cities/city.entity';
import { CitiesConfig } from './config';
import { citiesMigrations } from './migrations';

export const CITIES_SCHEMA = 'cities';

export interface CitiesAppOptions {
  /** Run the outbox relay in this process (default true); one-off jobs leave it to the service. */
  relay?: boolean;
}

/**
 * The cities service: the platform's service frame (logging, health, schedule, its schema, messaging,
 * gateway-token auth, its config and clock) and the registry itself.
 */
@Module({})
export class AppModule {
  static forRoot(config: CitiesConfig, options: CitiesAppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceModule.forRoot({
          name: 'cities',
          config,
          database: { schema: CITIES_SCHEMA, entities: [CityEntity], migrations: citiesMigrations },
          messaging: { relay: options.relay ?? true },
        }),
        CitiesModule,
      ],
    };
  }
}
