#!/usr/bin/env node
// npm run fuzz:http: generated bad input over HTTP. Starts the platform (tools/start.mjs, rate limits
// raised so the fuzzer reaches the code behind them), makes one user per role, and runs schemathesis
// (pinned in tools/fuzz/requirements.txt, in a venv under .local/) against the gateway's public
// OpenAPI document once per role, with every check and the stateful phase following the document's
// links, on a database of its own (c2c_fuzz, made afresh). Reports (JUnit, JSON) and the output go to
// .local/fuzz/<role>/; one summary line per role; stops the platform it started; exits non-zero on
// any failure. Kafka and PostgreSQL are used as they are (CI brings them up first).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { infraAddresses } from '../infra/config.mjs';

const require = createRequire(import.meta.url);

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HERE = path.join(ROOT, 'tools/fuzz');
const OUT = path.join(ROOT, '.local/fuzz');
const VENV = process.env.FUZZ_VENV ?? path.join(ROOT, '.local/fuzz-venv');
const GATEWAY = 'http://127.0.0.1:3000';
const ADMIN = { email: 'admin@c2c.local', password: 'change-me-locally' };
// Examples per operation and phase (the coverage phase adds its own): with the document's 67
// operations, about 5,000 generated cases per role.
const MAX_EXAMPLES = Number(process.env.FUZZ_MAX_EXAMPLES ?? 10);
const FUZZ_DATABASE = 'c2c_fuzz';
const ROLES = ['city-officer', 'commission-officer', 'observer', 'secretariat'];

const log = (message) => console.log(`[fuzz] ${message}`);

/** The platform this run started, stopped on the way out whatever happens. */
let platform;

function die(message) {
  console.error(`[fuzz] FAIL ${message}`);
  if (platform?.exitCode === null) platform.kill('SIGTERM');
  process.exit(1);
}

/** The venv with the pinned schemathesis; made (and, as root on Debian, python3-venv installed) once. */
function ensureSchemathesis() {
  const pinned = /^schemathesis==(\S+)$/m.exec(
    fs.readFileSync(path.join(HERE, 'requirements.txt'), 'utf8'),
  )?.[1];
  const st = path.join(VENV, 'bin/schemathesis');
  const version = spawnSync(st, ['--version'], { encoding: 'utf8' });
  if (version.status === 0 && version.stdout.includes(pinned)) return st;
  log(`installing schemathesis==${pinned} into ${path.relative(ROOT, VENV)} (cached afterwards)`);
  const venv = () => spawnSync('python3', ['-m', 'venv', '--clear', VENV], { stdio: 'inherit' }).status === 0;
  if (!venv()) {
    // Debian's python3 ships without ensurepip; the CI machine runs as root and can add it.
    if (process.getuid?.() !== 0) die('python3 -m venv failed (on Debian: apt-get install python3-venv)');
    log('python3 -m venv failed: installing python3-venv');
    spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', '-q', 'python3-venv'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (!venv()) die('python3 -m venv failed even with python3-venv installed');
  }
  const pip = spawnSync(
    path.join(VENV, 'bin/pip'),
    ['install', '--quiet', '--disable-pip-version-check', '-r', path.join(HERE, 'requirements.txt')],
    { stdio: 'inherit' },
  );
  if (pip.status !== 0) die(`pip could not install schemathesis==${pinned}`);
  return st;
}

async function portAnswers() {
  try {
    await fetch(`${GATEWAY}/health/ready`, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

/**
 * A database of its own, made afresh for every run: the fuzzer changes and deactivates what it finds
 * (the secretariat's own password among it), which must not happen to the database `npm start` uses,
 * and a fresh one gets the bootstrap account and the demo data every time.
 */
async function freshDatabase() {
  const { Client } = require('pg');
  const base = new URL(infraAddresses().databaseUrl);
  const client = new Client({ connectionString: base.href });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${FUZZ_DATABASE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${FUZZ_DATABASE}`);
  } finally {
    await client.end();
  }
  base.pathname = `/${FUZZ_DATABASE}`;
  return base.href;
}

/** tools/start.mjs in the background, its output in .local/fuzz/platform.log; resolves once it runs. */
function startPlatform(databaseUrl) {
  const logFile = path.join(OUT, 'platform.log');
  const out = fs.openSync(logFile, 'w');
  const child = (platform = spawn(process.execPath, [path.join(ROOT, 'tools/start.mjs')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', out],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      // The fuzzer sends thousands of requests a minute from one address and one user per role: at
      // the production limits it would test the limiter and nothing behind it.
      RATE_LIMIT_PER_IP: '1000000',
      RATE_LIMIT_PER_USER: '1000000',
      RATE_LIMIT_LOGIN_PER_IP: '1000000',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    },
  }));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the platform did not start within 5 min; see ${logFile}`)),
      300_000,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`tools/start.mjs exited (code ${code}); see ${path.relative(ROOT, logFile)}`));
    });
    child.stdout.on('data', (chunk) => {
      fs.writeSync(out, chunk);
      if (chunk.toString().includes('is running')) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve(child);
      }
    });
  });
}

function stopPlatform(child) {
  if (child.exitCode !== null) return Promise.resolve();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  return exited;
}

async function api(method, url, token, body) {
  const response = await fetch(`${GATEWAY}${url}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

const signIn = async (email, password) =>
  (await api('POST', '/api/v1/auth/token', undefined, { email, password })).accessToken;

/**
 * One fresh user per role, each signed in; the bootstrap secretariat only sets them up. The fuzzer
 * may change or deactivate the secretariat it runs as (its id is in GET /users), which revokes that
 * user's tokens: it is never the account the platform was started with.
 */
async function tokensPerRole() {
  const admin = await signIn(ADMIN.email, ADMIN.password);
  const [city] = (await api('GET', '/api/v1/cities?limit=1', admin)).items;
  const commissions = (await api('GET', '/api/v1/commissions?limit=2', admin)).items;
  if (!city || commissions.length === 0) throw new Error('no demo city or commission to give the officers');
  const run = Date.now().toString(36);
  const tokens = {};
  for (const role of ROLES) {
    const user = {
      email: `fuzz-${role}-${run}@fuzz.example`,
      name: `Fuzz ${role}`,
      password: `fuzz-${run}-passphrase`,
      role,
      ...(role === 'city-officer' ? { cityId: city.id } : {}),
      ...(role === 'commission-officer' ? { commissionIds: commissions.map((c) => c.id) } : {}),
    };
    await api('POST', '/api/v1/users', admin, user);
    tokens[role] = await signIn(user.email, user.password);
  }
  return tokens;
}

/** One schemathesis run as one role; its counts come from the JSON report. */
function fuzzAs(st, role, token) {
  const dir = path.join(OUT, role);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const args = [
    '--config-file',
    path.join(HERE, 'schemathesis.toml'),
    'run',
    `${GATEWAY}/docs/openapi.json`,
    '--checks',
    'all',
    '--max-examples',
    String(MAX_EXAMPLES),
    '--report',
    'junit,json',
    '--report-dir',
    dir,
    '--no-color',
    ...(process.env.FUZZ_SEED ? ['--seed', process.env.FUZZ_SEED] : []),
  ];
  // The token goes in through the config's bearer scheme (FUZZ_TOKEN), not as a fixed header, so
  // the checks that leave the credentials out (missing_required_header, ignored_auth) can.
  const result = spawnSync(st, args, {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, FUZZ_TOKEN: token },
  });
  fs.writeFileSync(path.join(dir, 'output.txt'), result.stdout + result.stderr);
  const generated = /(\d+) generated/.exec(result.stdout)?.[1] ?? '?';
  const failures = /(\d+) unique failures?/.exec(result.stdout)?.[1] ?? (result.status === 0 ? '0' : '?');
  return { role, status: result.status, generated, failures, output: result.stdout + result.stderr };
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const st = ensureSchemathesis();
  if (await portAnswers()) die(`${GATEWAY} already answers: stop the running platform first`);
  log('starting the platform (tools/start.mjs), its log in .local/fuzz/platform.log');
  const started = Date.now();
  await startPlatform(await freshDatabase()).catch((error) => die(error.message));
  let results = [];
  try {
    log(`platform running after ${Math.round((Date.now() - started) / 1000)} s`);
    const tokens = await tokensPerRole();
    for (const role of ROLES) {
      const began = Date.now();
      const result = fuzzAs(st, role, tokens[role]);
      result.seconds = Math.round((Date.now() - began) / 1000);
      results.push(result);
      if (result.status !== 0) console.log(result.output);
      log(`${role}: ${result.generated} cases, ${result.failures} failures (${result.seconds} s)`);
    }
  } finally {
    await stopPlatform(platform);
  }
  console.log('');
  for (const r of results)
    console.log(
      `[fuzz] ${r.role.padEnd(18)} ${String(r.generated).padStart(5)} cases  ${r.failures} failures  ${r.status === 0 ? 'ok' : 'FAILED'}`,
    );
  const failed = results.filter((r) => r.status !== 0);
  if (failed.length > 0 || results.length !== ROLES.length)
    die(`failures as ${failed.map((r) => r.role).join(', ')}; reports in .local/fuzz/`);
  log(`0 failures in ${Math.round((Date.now() - started) / 1000)} s; reports in .local/fuzz/`);
}

main().catch((error) => die(error?.stack ?? error));
