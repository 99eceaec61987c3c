// Loads the demo cities: `node_modules/.bin/node -r @swc-node/register apps/cities/scripts/seed.ts`
// (or dist/apps/cities/scripts/seed.js after a build), with the service's own environment:
// DATABASE_URL (the cities role), KAFKA_BROKERS, KAFKA_TOPIC_PREFIX, LOG_LEVEL.
import 'reflect-metadata';
import { runJob } from '@c2c/platform';
import { readCitiesConfig } from '../src/config';
import { runSeed } from '../src/seed/seed';

runJob('seed', async () => {
  const { added, skipped } = await runSeed(readCitiesConfig());
  return `cities: ${added.length} added, ${skipped.length} already registered`;
});
