// The platform the fault run owns: a Kafka broker and a PostgreSQL cluster of its own (own ports and
// directories; the shared ones on 9092/9093 and 5433 are never touched), and the five apps as child
// processes on free ports, started as tools/start.mjs starts them. Every fault is done here, to real
// processes: SIGKILL and a restart of an app, a stop and start of the broker or the cluster, SIGSTOP
// and SIGCONT of a consumer.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { ROOT } from '../infra/config.mjs';
import { fetchKafkaArtifacts, kafkaInstance, startLocalKafka, stopLocalKafka } from '../infra/kafka.mjs';
import { instanceUrl, postgresInstance, startLocalPostgres, stopLocalPostgres } from '../infra/postgres.mjs';
import { APPS, appEnvironment, appMain, serviceSpec } from '../platform-apps.mjs';

const require = createRequire(path.join(ROOT, 'package.json'));

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function poll(what, check, timeoutMs, intervalMs = 200) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${what} not within ${timeoutMs / 1000} s${last ? `: ${last.message}` : ''}`);
}

/**
 * Brokers of earlier runs of this tool still up (a run killed with SIGKILL cannot stop its own): each
 * lives under `faultsDir`, so whatever runs there is this tool's. Their clusters are under
 * .local/disposable-postgres, which `infra down` stops.
 */
export async function stopLeftoverBrokers(faultsDir, log) {
  if (!fs.existsSync(faultsDir)) return;
  for (const name of fs.readdirSync(faultsDir)) {
    const instance = kafkaInstance({ dir: path.join(faultsDir, name, 'kafka') });
    if (!fs.existsSync(instance.pidFile)) continue;
    log(`stopping the broker an earlier run left (${name})`);
    await stopLocalKafka(instance);
    fs.rmSync(instance.dir, { recursive: true, force: true });
  }
}

export class FaultPlatform {
  constructor({ dir, log, extraEnv }) {
    this.dir = dir;
    this.log = log;
    this.extraEnv = extraEnv;
    this.children = new Map();
    /** Apps that exited without being killed by this run: restarted, as a supervisor would. */
    this.crashes = [];
    this.stopping = false;
  }

  async startInfra() {
    const [port, controllerPort, pgPort] = [await freePort(), await freePort(), await freePort()];
    this.kafka = kafkaInstance({ dir: path.join(this.dir, 'kafka'), port, controllerPort });
    fetchKafkaArtifacts(this.log);
    await startLocalKafka(this.log, this.kafka);
    // Under .local/disposable-postgres, so `infra down` stops it if this run is killed.
    this.postgres = postgresInstance(
      path.join(ROOT, '.local/disposable-postgres', path.basename(this.dir)),
      pgPort,
    );
    await startLocalPostgres(this.log, this.postgres);
    this.adminUrl = instanceUrl(this.postgres);
    const { Pool } = require('pg');
    this.sql = new Pool({ connectionString: this.adminUrl, max: 4 });
    this.sql.on('error', () => undefined); // a restart under test drops its connections
  }

  async query(text, params) {
    return (await this.sql.query(text, params)).rows;
  }

  async startApps() {
    const { provisionServiceDatabase, serviceDatabaseUrl } = require(
      path.join(ROOT, 'dist/libs/persistence/src'),
    );
    this.ports = {};
    for (const app of APPS) this.ports[app.name] = await freePort();
    this.envs = {};
    for (const app of APPS) {
      const spec = serviceSpec(app);
      await provisionServiceDatabase(this.adminUrl, spec);
      this.envs[app.name] = {
        ...appEnvironment(app, {
          databaseUrl: serviceDatabaseUrl(this.adminUrl, spec),
          kafkaBrokers: this.kafka.brokers,
          ports: this.ports,
        }),
        ...this.extraEnv(app.name),
      };
      await this.startApp(app.name);
    }
  }

  url(name) {
    return `http://127.0.0.1:${this.ports[name]}`;
  }

  async startApp(name) {
    const app = APPS.find((a) => a.name === name);
    const out = fs.openSync(path.join(this.dir, `${name}.log`), 'a');
    const child = spawn(process.execPath, ['--enable-source-maps', appMain(app)], {
      cwd: ROOT,
      env: this.envs[name],
      stdio: ['ignore', out, out],
    });
    fs.closeSync(out);
    this.children.set(name, child);
    child.once('exit', (code, signal) => {
      if (this.stopping || child.killedOnPurpose || this.children.get(name) !== child) return;
      this.crashes.push({ app: name, code, signal, at: new Date().toISOString() });
      this.log(`${name} exited by itself (code ${code}, signal ${signal}); starting it again`);
      this.restarting = (this.restarting ?? Promise.resolve())
        .then(() => this.startApp(name))
        .catch((error) => this.log(`${name} did not start again: ${error.message}`));
    });
    await poll(
      `${name} ready`,
      async () => {
        // One that exited while starting (its database restarting, say) is started again by the exit
        // handler above, as a supervisor would: wait for the app, not for this one process.
        if (child.exitCode !== null || child.signalCode !== null) {
          if (this.stopping || child.killedOnPurpose) throw new Error(`${name} exited (see ${name}.log)`);
          if (this.children.get(name) === child) return false;
        }
        return (await fetch(`${this.url(name)}/health/ready`, { signal: AbortSignal.timeout(1000) })).ok;
      },
      90_000,
      150,
    );
  }

  pid(name) {
    return this.children.get(name)?.pid;
  }

  /** SIGKILL, then started again at once, as a supervisor would; resolves once it is ready again. */
  async kill(name) {
    await this.restarting;
    const child = this.children.get(name);
    if (child.exitCode === null && child.signalCode === null) {
      child.killedOnPurpose = true;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    await this.startApp(name);
  }

  /** SIGSTOP for `ms` (longer than the consumer's session timeout), then SIGCONT. */
  async pause(name, ms) {
    const child = this.children.get(name);
    child.kill('SIGSTOP');
    await new Promise((resolve) => setTimeout(resolve, ms));
    child.kill('SIGCONT');
  }

  /**
   * Deliberate poison: `count` records on the cities topic, under CloudEvents headers that pass, whose
   * value is not JSON. Every consumer of the topic must dead-letter each and keep going; the ids
   * returned are the only dead letters the run allows.
   */
  async poison(count) {
    const { Kafka, logLevel } = require('kafkajs');
    const kafka = new Kafka({
      clientId: 'c2c-faults-poison',
      brokers: [this.kafka.brokers],
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer();
    await producer.connect();
    const ids = Array.from({ length: count }, () => randomUUID());
    try {
      await producer.send({
        topic: 'c2c.cities.v1',
        acks: -1,
        messages: ids.map((id) => ({
          key: id,
          value: '{"cityId": "unterminated',
          headers: {
            ce_specversion: '1.0',
            ce_id: id,
            ce_source: '/c2c/cities',
            ce_type: 'c2c.city.archived.v1',
            ce_subject: id,
            ce_time: new Date().toISOString(),
            ce_sequence: '1',
            ce_dataschema: 'https://example.org/schema.json',
            'content-type': 'application/json',
          },
        })),
      });
    } finally {
      await producer.disconnect();
    }
    return ids;
  }

  async restartKafka() {
    await stopLocalKafka(this.kafka);
    await startLocalKafka(() => undefined, this.kafka);
  }

  async restartPostgres() {
    stopLocalPostgres(this.postgres);
    await startLocalPostgres(() => undefined, this.postgres);
  }

  async stop() {
    this.stopping = true;
    await Promise.all(
      [...this.children.values()].map((child) => {
        if (child.exitCode !== null || child.signalCode !== null) return undefined;
        child.kill('SIGCONT');
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        return exited.finally(() => clearTimeout(killer));
      }),
    );
    await this.sql?.end().catch(() => undefined);
    if (this.kafka) await stopLocalKafka(this.kafka).catch(() => undefined);
    if (this.postgres) {
      try {
        stopLocalPostgres(this.postgres);
      } catch {
        // already down
      }
      fs.rmSync(this.postgres.dir, { recursive: true, force: true });
      fs.rmSync(this.postgres.requested, { recursive: true, force: true });
    }
    if (this.kafka) fs.rmSync(this.kafka.dir, { recursive: true, force: true });
  }
}
