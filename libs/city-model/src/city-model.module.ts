import { DynamicModule, Module } from '@nestjs/common';
import { MESSAGING_OPTIONS, MessagingModuleOptions } from '@c2c/messaging';
import { TransactionRunner } from '@c2c/persistence';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { CityModelBootstrap } from './city-model.bootstrap';
import { CityModelHandlers } from './city-model.handlers';
import { CITY_MODEL_OPTIONS, type CityModelModuleOptions } from './city-model.options';
import { CityModelRebuild } from './city-model.rebuild';
import { CityModelRepository } from './city-model.repository';
import { CityModel } from './city-model.service';

/** Suffix of the rebuild's own consumer group, beside the service's live one. */
export const REBUILD_GROUP_SUFFIX = '.city-model-rebuild';

/**
 * A service's read model of `c2c.cities.v1`: {@link CityModel} to ask, the handlers that keep it up to
 * date, the start-up rebuild of an empty model and {@link CityModelRebuild}. It needs the service's
 * `MessagingModule` and database (as `ServiceModule` gives them), `CityRecordEntity` among the data
 * source's entities and `cityModelMigration` among its migrations.
 */
@Module({})
export class CityModelModule {
  /** The model, global like the messaging it rides on, so any feature module can inject `CityModel`. */
  static forRoot(options: CityModelModuleOptions): DynamicModule {
    return {
      module: CityModelModule,
      global: true,
      providers: [
        { provide: CITY_MODEL_OPTIONS, useValue: options },
        CityModelRepository,
        CityModel,
        CityModelHandlers,
        CityModelBootstrap,
        {
          provide: CityModelRebuild,
          inject: [Kafka, DataSource, TransactionRunner, CityModelRepository, CityModel, MESSAGING_OPTIONS],
          useFactory: (
            kafka: Kafka,
            dataSource: DataSource,
            transactions: TransactionRunner,
            repository: CityModelRepository,
            model: CityModel,
            messaging: MessagingModuleOptions,
          ) =>
            new CityModelRebuild(kafka, dataSource, transactions, repository, model, {
              groupId: `${messaging.groupId ?? messaging.service}${REBUILD_GROUP_SUFFIX}`,
              schema: messaging.schema,
              topicPrefix: messaging.topicPrefix,
            }),
        },
      ],
      exports: [CityModel, CityModelRepository, CityModelRebuild, CityModelBootstrap],
    };
  }
}
