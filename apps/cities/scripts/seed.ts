// Loads the demo cities: `node_modules/.bin/node -r @swc-node/register apps/cities/scripts/seed.ts`
// (or dist/apps/cities/scripts/seed.js after a build), with the service's own environment:
// DATABASE_URL (the cities role), KAFKA_BROKERS, KAFKA_TOPIC_PREFIX, LOG_LEVEL.
import 'reflect-metadata';
import { ConfigError } from '@c2c/platform';
import { readCitiesConfig } from '../src/config';
import { runSeed } from '../src/seed/seed';

async function main(): Promise<void> {
  const { added, skipped } = await runSeed(readCitiesConfig());
  process.stdout.write(`[seed] cities: ${added.length} added, ${skipped.length} already registered\n`);
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  process.stderr.write(`[seed] cities failed: ${message}\n`);
  process.exitCode = 1;
});
