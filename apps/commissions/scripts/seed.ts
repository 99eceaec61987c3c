// Loads the demo forum (memberships, a held meeting with its declaration, best practices) once the
// demo cities have reached the service's city model:
//   node_modules/.bin/node -r @swc-node/register apps/commissions/scripts/seed.ts
// (or dist/apps/commissions/scripts/seed.js after a build), with the service's own environment:
// DATABASE_URL (the commissions role), KAFKA_BROKERS, KAFKA_TOPIC_PREFIX, LOG_LEVEL. Beside the
// running service: this job neither relays its outbox nor consumes (the service does both).
import 'reflect-metadata';
import { runJob } from '@c2c/platform';
import { readCommissionsConfig } from '../src/config';
import { runSeed } from '../src/seed/seed';

runJob('seed', async () => {
  const result = await runSeed(readCommissionsConfig());
  const unknown =
    result.unknownCities.length === 0
      ? ''
      : `; left out what names ${result.unknownCities.join(', ')} (not active members here)`;
  return (
    `commissions: ${result.memberships} memberships, ${result.meetings} meetings, ` +
    `${result.practices} practices added${unknown}`
  );
});
