import { DynamicModule, Module } from '@nestjs/common';
import { CityModelModule, CityRecordEntity } from '@c2c/city-model';
import { ServiceModule } from '@c2c/service';
import { NotificationsConfig } from './config';
import { notificationsMigrations } from './migrations';
import { NotificationsModule } from './notifications.module';

export const NOTIFICATIONS_SCHEMA = 'notifications';

/** The TypeORM entities; the notifications tables are reached with plain SQL in their repositories. */
export const NOTIFICATIONS_ENTITIES = [CityRecordEntity];

@Module({})
export class AppModule {
  static forRoot(config: NotificationsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // Tokens come from the gateway (it proxies /api/v1/notifications… here); this app only verifies.
        ServiceModule.forRoot({
          name: 'notifications',
          config,
          database: {
            schema: NOTIFICATIONS_SCHEMA,
            entities: NOTIFICATIONS_ENTITIES,
            migrations: notificationsMigrations,
          },
        }),
        CityModelModule.forRoot({ rebuildOnEmpty: config.CITY_MODEL_REBUILD_ON_EMPTY }),
        NotificationsModule,
      ],
    };
  }
}
