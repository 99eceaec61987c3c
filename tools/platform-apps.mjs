// The platform's apps as tools/start.mjs runs them: which exist, their schemas and roles, and the
// environment each gets. Shared with the tools that run the platform on infrastructure of their own
// (tools/faults/run.mjs), so both start the apps the same way.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './infra/config.mjs';

/** Every app the platform has, in start order; an app whose folder is not there yet is skipped. */
export const APPS = [
  { name: 'cities', port: 3001, schema: 'cities', extensions: ['pg_trgm'] },
  { name: 'partnerships', port: 3002, schema: 'partnerships' },
  { name: 'commissions', port: 3003, schema: 'commissions' },
  { name: 'notifications', port: 3004, schema: 'notifications' },
  { name: 'gateway', port: 3000, schema: 'gateway' },
].filter((app) => fs.existsSync(path.join(ROOT, 'apps', app.name, 'src/main.ts')));

export const LOCAL_ADMIN = { email: 'admin@c2c.local', password: 'change-me-locally' };
const LOCAL_REVOCATION_SECRET = 'local-development-only-revocation-feed-secret';

/** Local-only credentials: each app gets its own role, which can touch only its own schema. */
export const serviceSpec = (app) => ({
  schema: app.schema,
  role: `c2c_${app.schema}`,
  password: `local_${app.schema}`,
  extensions: app.extensions,
});

/**
 * The environment of one app: its port and database, the brokers, the local defaults, and where the
 * other apps answer (`ports` maps an app's name to its port; the defaults above unless given).
 */
export function appEnvironment(app, { databaseUrl, kafkaBrokers, ports = {}, env = process.env }) {
  const portOf = (other) => ports[other.name] ?? other.port;
  return {
    ...env,
    NODE_ENV: env.NODE_ENV ?? 'development',
    PORT: String(portOf(app)),
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: kafkaBrokers,
    // The one place that allows the committed local defaults (e.g. the gateway's key secret): every
    // other start fails closed when a secret is missing.
    ALLOW_LOCAL_DEFAULTS: env.ALLOW_LOCAL_DEFAULTS ?? 'true',
    BOOTSTRAP_ADMIN_EMAIL: env.BOOTSTRAP_ADMIN_EMAIL ?? LOCAL_ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: env.BOOTSTRAP_ADMIN_PASSWORD ?? LOCAL_ADMIN.password,
    // One local secret on both sides of the revocation feed, so local services learn revocations.
    REVOCATION_FEED_SECRET: env.REVOCATION_FEED_SECRET ?? LOCAL_REVOCATION_SECRET,
    AUTH_REVOCATION_SECRET: env.AUTH_REVOCATION_SECRET ?? LOCAL_REVOCATION_SECRET,
    ...Object.fromEntries(
      APPS.map((other) => [`${other.name.toUpperCase()}_URL`, `http://127.0.0.1:${portOf(other)}`]),
    ),
  };
}

/** The built entry point of an app (tools/build.mjs puts it under dist/). */
export const appMain = (app) => path.join(ROOT, `dist/apps/${app.name}/src/main.js`);
