#!/usr/bin/env node
// Runs each app's own configuration loader (the built dist/apps/<app>/src/config.js, the code the
// pod runs at start) on the environment the built manifests give its container: ConfigMaps by
// envFrom, literal env, $(VAR) expansion as the kubelet does it, and a throwaway value for every
// Secret reference. It fails when an app would refuse its configuration (a bad value, a production
// rule such as a plain-HTTP JWKS), or when a manifest sets a variable no config class reads (a
// typo the app would silently ignore). Usage: config-check.mjs <built.yaml>...
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const require = createRequire(path.join(ROOT, 'package.json'));
const yaml = require('yaml');
const { getMetadataStorage } = require('class-validator');
const { gatewayTrustProblems } = require(path.join(ROOT, 'dist/libs/auth/src'));

// Read by the manifests themselves (parts of DATABASE_URL), not by the apps.
const MANIFEST_ONLY = new Set(['DB_HOST', 'DB_PORT', 'DB_NAME', 'DB_PARAMS', 'DB_PASSWORD']);
const READERS = {
  cities: ['CitiesConfig', 'readCitiesConfig'],
  partnerships: ['PartnershipsConfig', 'readPartnershipsConfig'],
  commissions: ['CommissionsConfig', 'readCommissionsConfig'],
  notifications: ['NotificationsConfig', 'readNotificationsConfig'],
  gateway: ['GatewayConfig', 'readGatewayConfig'],
};

const log = (message) => console.log(`[k8s-check] ${message}`);
let failed = false;
const warnings = new Map(); // message -> apps, said once per overlay

for (const file of process.argv.slice(2)) {
  const overlay = path.basename(file, '.yaml');
  const docs = yaml
    .parseAllDocuments(fs.readFileSync(file, 'utf8'))
    .map((d) => d.toJS())
    .filter(Boolean);
  const configMaps = new Map(
    docs.filter((d) => d.kind === 'ConfigMap').map((d) => [d.metadata.name, d.data ?? {}]),
  );
  for (const deployment of docs.filter((d) => d.kind === 'Deployment')) {
    const app = deployment.metadata.name;
    const reader = READERS[app];
    if (!reader) continue;
    const container = deployment.spec.template.spec.containers[0];
    const env = {};
    const problems = [];
    for (const source of container.envFrom ?? []) {
      if (source.configMapRef) {
        const data = configMaps.get(source.configMapRef.name);
        if (!data) problems.push(`envFrom names a ConfigMap not in the output: ${source.configMapRef.name}`);
        Object.assign(env, data);
      } else if (source.secretRef) {
        // Which keys an operator puts there is the README's; the gateway's are its secrets.
        if (source.secretRef.name === 'c2c-gateway-secrets') {
          Object.assign(env, {
            BOOTSTRAP_ADMIN_EMAIL: 'secretariat@c2c.example',
            BOOTSTRAP_ADMIN_PASSWORD: randomBytes(18).toString('base64'),
            SIGNING_KEY_SECRET: randomBytes(32).toString('hex'),
          });
        } else problems.push(`envFrom secretRef ${source.secretRef.name} is not known to this check`);
      }
    }
    for (const entry of container.env ?? []) {
      if (entry.valueFrom?.secretKeyRef) {
        if (!entry.valueFrom.secretKeyRef.optional) env[entry.name] = randomBytes(24).toString('hex');
      } else if (entry.value !== undefined) {
        env[entry.name] = entry.value.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (whole, name) =>
          name in env ? env[name] : whole,
        );
      }
    }
    const configModule = require(path.join(ROOT, `dist/apps/${app}/src/config.js`));
    const [className, readName] = reader;
    const known = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(configModule[className], undefined, true, false)
        .map((m) => m.propertyName),
    );
    for (const name of Object.keys(env)) {
      if (!known.has(name) && !MANIFEST_ONLY.has(name))
        problems.push(`${name} is set but ${className} reads no such variable`);
    }
    try {
      const config = configModule[readName](env);
      if (app !== 'gateway') {
        for (const warning of gatewayTrustProblems(config)) {
          const key = `${overlay}: ${warning}`;
          warnings.set(key, [...(warnings.get(key) ?? []), app]);
        }
      }
    } catch (error) {
      problems.push(String(error.message ?? error).replace(/\n\s*/g, ' '));
    }
    if (problems.length > 0) {
      failed = true;
      for (const problem of problems) log(`${overlay}: FAIL ${app}'s configuration: ${problem}`);
    } else {
      log(
        `${overlay}: ${app} accepts its environment (${Object.keys(env).length} variables, ${readName} from dist)`,
      );
    }
  }
}
for (const [key, apps] of warnings) {
  const [overlay, ...message] = key.split(': ');
  log(`${overlay}: warning that ${apps.join(', ')} will log at start: ${message.join(': ')}`);
}
process.exit(failed ? 1 : 0);
