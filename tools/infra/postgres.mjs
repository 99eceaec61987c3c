// A private PostgreSQL cluster from the system's binaries under .local/postgres (or where the server
// user can reach it, see placement.mjs), on 127.0.0.1 only.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { LOCAL_POSTGRES, POSTGRES_DIR, ROOT, localDatabaseUrl } from './config.mjs';
import { placeCluster, readRecord } from './placement.mjs';
import { InfraError, isAlive, isRoot, portOpen, readPid, run, waitFor, which } from './process.mjs';

/**
 * A cluster requested at `requested`: the platform's own under .local/postgres, or a disposable one a
 * fault test stops at will. It lives in `requested` itself, or in the directory recorded in
 * `requested/location.json` when the server user could not reach `requested` (placement.mjs).
 */
export function postgresInstance(requested = POSTGRES_DIR, port = LOCAL_POSTGRES.port) {
  const recordFile = path.join(requested, 'location.json');
  const dir = readRecord(recordFile)?.dir ?? requested;
  return {
    requested,
    recordFile,
    dir,
    port,
    data: path.join(dir, 'data'),
    sockets: path.join(dir, 'run'),
    log: path.join(dir, 'postgres.log'),
  };
}
// Resolved on each use: `up` may relocate the cluster after this module was loaded.
const local = () => postgresInstance();

/** The newest installed server binaries: pg_config first, then Debian's versioned folders. */
export function postgresBinDir() {
  const candidates = [];
  if (which('pg_config')) {
    const bindir = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' }).stdout?.trim();
    if (bindir) candidates.push(bindir);
  }
  if (fs.existsSync('/usr/lib/postgresql')) {
    const versions = fs
      .readdirSync('/usr/lib/postgresql')
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  }
  return (
    candidates.find(
      (dir) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl')),
    ) ?? null
  );
}

export function postgresPrerequisites() {
  return postgresBinDir() ? [] : ['the PostgreSQL server binaries (initdb, pg_ctl)'];
}

// PostgreSQL refuses to run as root: as root, every server command runs as the postgres user.
function asServerUser(command, args) {
  const bin = path.join(postgresBinDir(), command);
  if (!isRoot()) return run(bin, args);
  return run('runuser', ['-u', 'postgres', '--', bin, ...args]);
}

function chownForServer(instance) {
  if (isRoot()) run('chown', ['-R', 'postgres:postgres', instance.dir]);
}

export function localPostgresPid(instance = local()) {
  const pid = readPid(path.join(instance.data, 'postmaster.pid'));
  return isAlive(pid) ? pid : null;
}

export async function startLocalPostgres(log, requested = local(), placement = {}) {
  const placed = placeCluster(requested.requested, requested.recordFile, placement);
  const instance = postgresInstance(requested.requested, requested.port);
  if (placed.reason) log(`PostgreSQL cluster placed in ${instance.dir}: ${placed.reason}`);
  const DATA = instance.data;
  fs.mkdirSync(instance.sockets, { recursive: true });
  if (!fs.existsSync(path.join(DATA, 'PG_VERSION'))) {
    const pwfile = path.join(instance.dir, '.pwfile');
    fs.writeFileSync(pwfile, `${LOCAL_POSTGRES.password}\n`, { mode: 0o600 });
    chownForServer(instance);
    asServerUser('initdb', [
      '-D',
      DATA,
      '-U',
      LOCAL_POSTGRES.user,
      `--pwfile=${pwfile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      // C.UTF-8 keeps sorting byte-wise yet classifies non-Latin letters, which trigram search needs.
      '--locale=C.UTF-8',
    ]);
    fs.rmSync(pwfile);
    fs.appendFileSync(
      path.join(DATA, 'postgresql.conf'),
      [
        '',
        '# written by tools/infra/postgres.mjs',
        `listen_addresses = '${LOCAL_POSTGRES.host}'`,
        `port = ${instance.port}`,
        `unix_socket_directories = '${instance.sockets}'`,
        'max_connections = 300',
        'shared_buffers = 256MB',
        'wal_level = logical',
        "log_timezone = 'UTC'",
        "timezone = 'UTC'",
        '',
      ].join('\n'),
    );
  }
  chownForServer(instance);
  if (await portOpen(LOCAL_POSTGRES.host, instance.port)) {
    throw new InfraError(
      `port ${instance.port} is taken by another program; stop it or set DATABASE_URL to use it`,
    );
  }
  asServerUser('pg_ctl', ['-D', DATA, '-l', instance.log, '-w', '-t', '60', 'start']);
  log(`PostgreSQL starting (pid ${localPostgresPid(instance)})…`);
  await waitFor('PostgreSQL', () => postgresResponds(instanceUrl(instance), { createDatabase: true }), {
    timeoutMs: 30_000,
  });
  return instance;
}

export function stopLocalPostgres(instance = local()) {
  if (!localPostgresPid(instance)) return false;
  asServerUser('pg_ctl', ['-D', instance.data, '-w', '-t', '60', '-m', 'fast', 'stop']);
  return true;
}

export function instanceUrl(instance) {
  const url = new URL(localDatabaseUrl());
  url.port = String(instance.port);
  return url.toString();
}

/** Ready means a real query; the platform's database is created on first start. */
export async function postgresResponds(url, { createDatabase = false } = {}) {
  const require = createRequire(path.join(ROOT, 'package.json'));
  const { Client } = require('pg');
  const target = new URL(url);
  if (createDatabase) {
    const admin = new Client({
      connectionString: withDatabase(target, 'postgres'),
      connectionTimeoutMillis: 1000,
    });
    await admin.connect();
    try {
      const name = target.pathname.slice(1);
      const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (exists.rowCount === 0) await admin.query(`create database "${name.replaceAll('"', '""')}"`);
    } finally {
      await admin.end();
    }
  }
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  await client.connect();
  try {
    const result = await client.query('show server_version');
    return result.rows[0].server_version;
  } finally {
    await client.end();
  }
}

function withDatabase(url, database) {
  const copy = new URL(url.toString());
  copy.pathname = `/${database}`;
  return copy.toString();
}

export const postgresLogFile = () => local().log;
export const postgresDir = () => local().dir;
