#!/usr/bin/env node
// Prints a .env for docker-compose.yml with fresh random secrets:
//   node deploy/compose/generate-env.mjs > .env      (.env is git-ignored; keep it out of commits)
// Hex strings, so the database passwords are safe inside postgres:// URLs.
import { randomBytes } from 'node:crypto';

const secret = (bytes = 24) => randomBytes(bytes).toString('hex');
const email = process.argv[2] ?? 'admin@c2c.example';
const lines = {
  POSTGRES_PASSWORD: secret(),
  CITIES_DB_PASSWORD: secret(),
  PARTNERSHIPS_DB_PASSWORD: secret(),
  COMMISSIONS_DB_PASSWORD: secret(),
  NOTIFICATIONS_DB_PASSWORD: secret(),
  GATEWAY_DB_PASSWORD: secret(),
  BOOTSTRAP_ADMIN_EMAIL: email,
  BOOTSTRAP_ADMIN_PASSWORD: secret(12),
  SIGNING_KEY_SECRET: secret(32),
  REVOCATION_FEED_SECRET: secret(32),
};
for (const [name, value] of Object.entries(lines)) console.log(`${name}=${value}`);
