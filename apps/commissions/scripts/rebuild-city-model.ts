// Rebuilds the commissions service's city read model from the beginning of c2c.cities.v1 and prints
// how it differs from the model it replaced. Safe while the service runs (see CityModelRebuild).
//   npm run admin -- rebuild-read-model --service commissions --model city [--check]   (the operator CLI)
//   node -r @swc-node/register apps/commissions/scripts/rebuild-city-model.ts [--check]   (what it runs)
// --check exits 1 when the rebuilt model differs from the previous one (the model had drifted).
// Reads the service's own environment: DATABASE_URL, KAFKA_BROKERS, KAFKA_TOPIC_PREFIX.
import 'reflect-metadata';
import { rebuildCityModelMain } from '@c2c/city-model';
import { COMMISSIONS_ENTITIES, COMMISSIONS_SCHEMA } from '../src/app.module';
import { readCommissionsConfig } from '../src/config';
import { commissionsMigrations } from '../src/migrations';

rebuildCityModelMain({
  service: 'commissions',
  database: { schema: COMMISSIONS_SCHEMA, entities: COMMISSIONS_ENTITIES, migrations: commissionsMigrations },
  config: readCommissionsConfig(),
});
