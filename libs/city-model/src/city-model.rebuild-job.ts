import { createKafka, kafkaSecurityFromSettings, type KafkaSecuritySettings } from '@c2c/messaging';
import {
  createServiceDataSource,
  runMigrations,
  TransactionRunner,
  type ServiceDataSourceOptions,
} from '@c2c/persistence';
import { REBUILD_GROUP_SUFFIX } from './city-model.module';
import { CityModelRebuild } from './city-model.rebuild';
import { CityModelRepository } from './city-model.repository';
import { CityModel } from './city-model.service';

/** What a service's rebuild script hands in: its schema and the settings it runs with. */
export interface CityModelRebuildJob {
  service: string;
  database: Pick<ServiceDataSourceOptions, 'schema' | 'entities' | 'migrations'>;
  config: KafkaSecuritySettings & { DATABASE_URL: string; KAFKA_BROKERS: string; KAFKA_TOPIC_PREFIX: string };
  /** Exit 1 when the rebuilt model differs from the one it replaced (the model had drifted). */
  check: boolean;
}

/**
 * Rebuilds a service's city read model from the beginning of `c2c.cities.v1`, prints how it differs
 * from the model it replaced, and answers the process's exit code. Safe while the service runs: it
 * takes the same group name as the service's own rebuild, so the two never run at once.
 */
export async function runCityModelRebuild(job: CityModelRebuildJob): Promise<number> {
  const { service, database, config } = job;
  const dataSource = createServiceDataSource({
    url: config.DATABASE_URL,
    ...database,
    applicationName: `${service}-city-model-rebuild`,
  });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource, database.schema);
    // The same TLS and SCRAM settings as the service: the job reads the topic as the service does.
    const kafka = createKafka({
      brokers: config.KAFKA_BROKERS.split(','),
      clientId: `${service}-rebuild`,
      ...kafkaSecurityFromSettings(config),
    });
    const repository = new CityModelRepository(dataSource);
    const rebuild = new CityModelRebuild(
      kafka,
      dataSource,
      new TransactionRunner(dataSource),
      repository,
      new CityModel(repository),
      {
        groupId: `${config.KAFKA_TOPIC_PREFIX}${service}${REBUILD_GROUP_SUFFIX}`,
        schema: database.schema,
        topicPrefix: config.KAFKA_TOPIC_PREFIX,
      },
    );
    const report = await rebuild.run();
    if (report === null) throw new Error('another rebuild holds the lock');
    console.log(`city model rebuilt: ${report.cities} cities, ${report.differences.length} difference(s)`);
    for (const difference of report.differences) console.log(JSON.stringify(difference));
    return job.check && report.differences.length > 0 ? 1 : 0;
  } finally {
    await dataSource.destroy();
  }
}

/** The script's entry: exit 0, 1 (drifted, with `--check`), or 2 on failure with its message. */
export function rebuildCityModelMain(job: Omit<CityModelRebuildJob, 'check'>): void {
  runCityModelRebuild({ ...job, check: process.argv.includes('--check') }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
