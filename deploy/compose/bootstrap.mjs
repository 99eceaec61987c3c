#!/usr/bin/env node
// docker compose's bootstrap step (the image's `bootstrap` command), run once before the apps with
// administrative rights the apps never get:
//   - each app's PostgreSQL role and schema, through the same provisionServiceDatabase that
//     tools/start.mjs uses locally (the role owns its schema and can touch nothing else);
//   - the event topics of libs/contracts and the dead-letter topic of each consuming service, through
//     the messaging library's ensureTopics (existing topics are left as they are).
// Idempotent: it runs on every `docker compose up`, and a changed password is applied.
//
// Environment:
//   ADMIN_DATABASE_URL     postgres:// URL of a role that may create roles and schemas
//   KAFKA_BROKERS          host:port,…   (KAFKA_SSL / KAFKA_SASL_* as the apps read them)
//   <APP>_DB_PASSWORD      each app's database password (CITIES_DB_PASSWORD, …)
//   KAFKA_TOPIC_PREFIX     optional, as the apps read it
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { provisionServiceDatabase } = require(path.join(root, 'dist/libs/persistence/src'));
const { createKafka, ensureTopics, topicName, kafkaSecurityFromSettings } = require(
  path.join(root, 'dist/libs/messaging/src'),
);
const { TOPIC_NAMES, deadLetterTopicOf } = require(path.join(root, 'dist/libs/contracts/src'));

// The apps, their schemas, and whether they consume events (and so have a dead-letter topic).
const APPS = [
  { name: 'cities', extensions: ['pg_trgm'], consumes: false },
  { name: 'partnerships', consumes: true },
  { name: 'commissions', consumes: true },
  { name: 'notifications', consumes: true },
  { name: 'gateway', consumes: false },
];

const log = (message) => console.log(`[bootstrap] ${message}`);

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

async function provisionDatabases(adminUrl) {
  for (const app of APPS) {
    await provisionServiceDatabase(adminUrl, {
      schema: app.name,
      role: `c2c_${app.name}`,
      password: required(`${app.name.toUpperCase()}_DB_PASSWORD`),
      extensions: app.extensions,
    });
    log(`schema ${app.name} owned by role c2c_${app.name}`);
  }
}

async function provisionTopics() {
  const env = process.env;
  const prefix = env.KAFKA_TOPIC_PREFIX ?? '';
  const kafka = createKafka({
    clientId: 'c2c-bootstrap',
    brokers: required('KAFKA_BROKERS').split(','),
    ...kafkaSecurityFromSettings({
      KAFKA_SSL: env.KAFKA_SSL === 'true',
      KAFKA_SSL_CA_FILE: env.KAFKA_SSL_CA_FILE || undefined,
      KAFKA_SASL_MECHANISM: env.KAFKA_SASL_MECHANISM || undefined,
      KAFKA_SASL_USERNAME: env.KAFKA_SASL_USERNAME || undefined,
      KAFKA_SASL_PASSWORD: env.KAFKA_SASL_PASSWORD || undefined,
    }),
  });
  // The same names the apps compute: topicName(prefix, …), a consumer group being `<prefix><app>`.
  const topics = [
    ...TOPIC_NAMES.map((topic) => topicName(prefix, topic)),
    ...APPS.filter((app) => app.consumes).map((app) =>
      topicName(prefix, deadLetterTopicOf(`${prefix}${app.name}`)),
    ),
  ];
  const admin = kafka.admin();
  await admin.connect();
  try {
    await ensureTopics(
      admin,
      topics.map((topic) => ({ topic })),
    );
  } finally {
    await admin.disconnect();
  }
  log(`topics: ${topics.join(', ')}`);
}

try {
  await provisionDatabases(required('ADMIN_DATABASE_URL'));
  await provisionTopics();
  log('done');
} catch (error) {
  console.error(`[bootstrap] ${error?.message ?? error}`);
  process.exit(1);
}
