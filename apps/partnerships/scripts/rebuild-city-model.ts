// Rebuilds the partnerships service's city read model from the beginning of c2c.cities.v1 and prints
// how it differs from the model it replaced. Safe while the service runs (see CityModelRebuild).
//   node -r @swc-node/register apps/partnerships/scripts/rebuild-city-model.ts [--check]
// --check exits 1 when the rebuilt model differs from the previous one (the model had drifted).
// Reads the service's own environment: DATABASE_URL, KAFKA_BROKERS, KAFKA_TOPIC_PREFIX.
import 'reflect-metadata';
import { CityModel, CityModelRebuild, CityModelRepository, REBUILD_GROUP_SUFFIX } from '@c2c/city-model';
import { createKafka, kafkaSecurityFromSettings } from '@c2c/messaging';
import { createServiceDataSource, runMigrations, TransactionRunner } from '@c2c/persistence';
import { PARTNERSHIPS_ENTITIES, PARTNERSHIPS_SCHEMA } from '../src/app.module';
import { readPartnershipsConfig } from '../src/config';
import { partnershipsMigrations } from '../src/migrations';

async function main(): Promise<number> {
  const config = readPartnershipsConfig();
  const dataSource = createServiceDataSource({
    url: config.DATABASE_URL,
    schema: PARTNERSHIPS_SCHEMA,
    entities: PARTNERSHIPS_ENTITIES,
    migrations: partnershipsMigrations,
    applicationName: 'partnerships-city-model-rebuild',
  });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource, PARTNERSHIPS_SCHEMA);
    // The same TLS and SCRAM settings as the service: the script reads the topic as the service does.
    const kafka = createKafka({
      brokers: config.KAFKA_BROKERS.split(','),
      clientId: 'partnerships-rebuild',
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
        // The same group name the running service's rebuild uses, so the two never run at once.
        groupId: `${config.KAFKA_TOPIC_PREFIX}partnerships${REBUILD_GROUP_SUFFIX}`,
        schema: PARTNERSHIPS_SCHEMA,
        topicPrefix: config.KAFKA_TOPIC_PREFIX,
      },
    );
    const report = await rebuild.run();
    if (report === null) throw new Error('another rebuild holds the lock');
    console.log(`city model rebuilt: ${report.cities} cities, ${report.differences.length} difference(s)`);
    for (const difference of report.differences) console.log(JSON.stringify(difference));
    return process.argv.includes('--check') && report.differences.length > 0 ? 1 : 0;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
