// The check's own tests (node's test runner; jest's unit project covers only apps/ and libs/):
//   node --test 'tools/images/*.test.mjs'
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import {
  composeProblems,
  dockerfileProblems,
  dockerignoreProblems,
  imagePinProblem,
  missingAppProblems,
  restated,
  schemaProblems,
} from './check.mjs';

const require = createRequire(import.meta.url);
const { parse } = require('yaml');
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const committedCompose = () => parse(read('docker-compose.yml'), { merge: true });

// A small schema in the packaged one's dialect (draft 2019-09, `id` labels), so these tests need no
// network; the real schema is exercised by `node tools/images/check.mjs`.
const SCHEMA = {
  $schema: 'http://json-schema.org/draft/2019-09/schema#',
  id: 'compose_spec.json',
  type: 'object',
  properties: {
    services: {
      id: '#/properties/services',
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: { image: { type: 'string' }, healthcheck: { type: 'object' } },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
};

test('the committed files hold every rule', () => {
  assert.deepEqual(composeProblems(committedCompose()), []);
  assert.deepEqual(dockerfileProblems(read('Dockerfile')), []);
  assert.deepEqual(dockerignoreProblems(read('.dockerignore')), []);
});

test('the schema refuses an unknown key, and a project name is checked where the schema lacks it', () => {
  assert.deepEqual(restated(SCHEMA).$id, 'compose_spec.json');
  assert.deepEqual(schemaProblems({ name: 'c2c', services: { a: { image: 'x:1.2.3' } } }, SCHEMA), []);
  assert.match(
    schemaProblems({ services: { a: { imag: 'x' } } }, SCHEMA).join(),
    /additional properties \(imag\)/,
  );
  assert.match(schemaProblems({ name: 'C2C!', services: {} }, SCHEMA).join(), /name: must match/);
});

test('images: exact versions or digests, never latest or a bare major', () => {
  assert.equal(imagePinProblem('node:24.21.0-bookworm-slim'), null);
  assert.equal(imagePinProblem('apache/kafka:4.1.1'), null);
  assert.equal(imagePinProblem(`node@sha256:${'a'.repeat(64)}`), null);
  assert.match(imagePinProblem('node:latest'), /latest/);
  assert.match(imagePinProblem('node'), /no tag/);
  assert.match(imagePinProblem('postgres:15'), /not an exact version/);
  assert.match(imagePinProblem('node:lts-slim'), /not an exact version/);
});

test('compose: only the gateway published, on loopback; no committed secret', () => {
  const compose = committedCompose();
  compose.services.kafka.ports = ['127.0.0.1:9092:9092'];
  compose.services.gateway.ports = ['3000:3000'];
  compose.services.gateway.environment.SIGNING_KEY_SECRET = 'committed';
  compose.services.cities.environment.DATABASE_URL = 'postgres://c2c_cities:pw@postgres:5432/c2c';
  compose.services.cities.depends_on = ['postgres'];
  delete compose.services.partnerships.read_only;
  const problems = composeProblems(compose).join('\n');
  assert.match(problems, /kafka: publishes/);
  assert.match(problems, /gateway: 3000:3000 is not bound to 127.0.0.1/);
  assert.match(problems, /SIGNING_KEY_SECRET must be a required variable/);
  assert.match(problems, /cities: DATABASE_URL holds a password/);
  assert.match(problems, /cities: depends_on postgres waits for no health/);
  assert.match(problems, /partnerships: an app runs with read_only/);
});

test('Dockerfile: root, no healthcheck, dev dependencies and an unpinned base are each refused', () => {
  const good = read('Dockerfile');
  const cases = [
    [good.replace('USER 10001:10001', 'USER root'), /USER root is root/],
    [good.replace('USER 10001:10001', 'USER node'), /not numeric/],
    [good.replace('USER 10001:10001', ''), /sets no USER/],
    [good.replace(/^HEALTHCHECK[^]*?\n\n/m, '\n'), /no HEALTHCHECK/],
    [good.replace('npm ci --omit=dev', 'npm ci'), /installs dev dependencies/],
    [good.replace('NODE_BASE=node:24.21.0-bookworm-slim', 'NODE_BASE=node:24-slim'), /not an exact version/],
    [good.replace('ARG NODE_BASE=node:24.21.0-bookworm-slim', 'ARG NODE_BASE'), /no pinned default/],
  ];
  for (const [text, expected] of cases) assert.match(dockerfileProblems(text).join('\n'), expected);
});

test('every app has its compose service', () => {
  const compose = committedCompose();
  assert.deepEqual(missingAppProblems(compose, ['cities', 'gateway']), []);
  assert.match(missingAppProblems(compose, ['cities', 'reports']).join(), /no service runs the reports app/);
});

test('.dockerignore must keep node_modules, dist, .local and .git out', () => {
  assert.deepEqual(dockerignoreProblems('node_modules\ndist\n.local\n.git\n'), []);
  assert.match(dockerignoreProblems('dist\n').join(), /node_modules is not ignored/);
});
