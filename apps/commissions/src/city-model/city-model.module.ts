import { Module } from '@nestjs/common';
import { MESSAGING_OPTIONS, MessagingModuleOptions } from '@c2c/messaging';
import { TransactionRunner } from '@c2c/persistence';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { CityModelBootstrap } from './city-model.bootstrap';
import { CityModelHandlers } from './city-model.handlers';
import { CityModelRebuild } from './city-model.rebuild';
import { CityModelRepository } from './city-model.repository';
import { CityModel } from './city-model.service';

/** Suffix of the rebuild's own consumer group, beside the service's live one. */
export const REBUILD_GROUP_SUFFIX = '.city-model-rebuild';

@Module({
  providers: [
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
  exports: [CityModel, CityModelRebuild, CityModelBootstrap],
})
export class CityModelModule {}
