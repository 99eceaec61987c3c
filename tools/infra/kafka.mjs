// A real Apache Kafka broker in KRaft mode, from the official Maven Central artifacts, under .local/kafka.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { KAFKA_DIR, KAFKA_VERSION, LOCAL_KAFKA, ROOT } from './config.mjs';
import { InfraError, isAlive, portOpen, readPid, run, stopPid, waitFor, which } from './process.mjs';

// The classpath is shared by every broker this checkout runs (it is only read).
const LIBS = path.join(KAFKA_DIR, `libs-${KAFKA_VERSION}`);

/**
 * A broker: the platform's own (under .local/kafka on 9092/9093), or another one with a directory
 * and ports of its own, which a fault test stops and starts at will without touching the shared one.
 */
export function kafkaInstance({ dir = KAFKA_DIR, ...ports } = {}) {
  const { host, port, controllerPort } = { ...LOCAL_KAFKA, ...ports };
  return {
    dir,
    host,
    port,
    controllerPort,
    brokers: `${host}:${port}`,
    data: path.join(dir, 'data'),
    logs: path.join(dir, 'logs'),
    pidFile: path.join(dir, 'kafka.pid'),
    properties: path.join(dir, 'server.properties'),
  };
}
const local = kafkaInstance();
const CLUSTER_ID = 'c2c-local-kraft-01'.padEnd(22, '0').slice(0, 22);

// kafkajs 2.2.4 arms a negative timer when nothing is throttled and Node 24 warns each time (kafkajs
// issue #1751; the timer still fires at 1 ms). Only that warning is dropped.
const otherWarningListeners = process.listeners('warning');
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name !== 'TimeoutNegativeWarning')
    otherWarningListeners.forEach((listener) => listener(warning));
});

export function kafkaPrerequisites() {
  const missing = [];
  if (!which('java')) missing.push('Java 17+ (java)');
  if (!fs.existsSync(LIBS) && !which('mvn')) missing.push('Maven (mvn), to fetch the Kafka artifacts');
  return missing;
}

/** Resolves the broker's classpath from Maven Central once; later runs reuse it. */
export function fetchKafkaArtifacts(log) {
  if (fs.existsSync(path.join(LIBS, `kafka_2.13-${KAFKA_VERSION}.jar`))) return false;
  log(`fetching Apache Kafka ${KAFKA_VERSION} from Maven Central (once)…`);
  const tmp = `${LIBS}.partial`;
  fs.rmSync(tmp, { recursive: true, force: true });
  run('mvn', [
    '-q',
    '-B',
    '-f',
    path.join(ROOT, 'tools/infra/kafka/pom.xml'),
    'dependency:copy-dependencies',
    `-DoutputDirectory=${tmp}`,
    '-DincludeScope=runtime',
  ]);
  fs.renameSync(tmp, LIBS);
  return true;
}

function writeProperties(instance) {
  const { host, port, controllerPort } = instance;
  const properties = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@${host}:${controllerPort}`,
    listeners: `PLAINTEXT://${host}:${port},CONTROLLER://${host}:${controllerPort}`,
    'advertised.listeners': `PLAINTEXT://${host}:${port}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'log.dirs': instance.data,
    'num.partitions': 3,
    // Topics are provisioned explicitly by the apps; a typo must not create one silently.
    'auto.create.topics.enable': false,
    'default.replication.factor': 1,
    'min.insync.replicas': 1,
    'offsets.topic.replication.factor': 1,
    'offsets.topic.num.partitions': 10,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'share.coordinator.state.topic.replication.factor': 1,
    'share.coordinator.state.topic.min.isr': 1,
    'group.initial.rebalance.delay.ms': 0,
    'log.retention.hours': 168,
  };
  const text = Object.entries(properties)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');
  fs.writeFileSync(instance.properties, `# written by tools/infra/kafka.mjs\n${text}\n`);
}

function java(instance, args, options) {
  return [
    // Kafka's own launcher defaults (kafka-run-class.sh): G1 aiming at 20 ms pauses.
    '-Xms256m',
    '-Xmx768m',
    '-server',
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    '-XX:InitiatingHeapOccupancyPercent=35',
    '-XX:+ExplicitGCInvokesConcurrent',
    '-XX:MaxInlineLevel=15',
    '-Djava.awt.headless=true',
    `-Dkafka.logs.dir=${instance.logs}`,
    `-Dlog4j2.configurationFile=${path.join(ROOT, 'tools/infra/kafka/log4j2.properties')}`,
    '-cp',
    `${LIBS}/*`,
    ...args,
  ].concat(options ?? []);
}

export function localKafkaPid(instance = local) {
  const pid = readPid(instance.pidFile);
  return isAlive(pid) ? pid : null;
}

export async function startLocalKafka(log, instance = local) {
  fs.mkdirSync(instance.logs, { recursive: true });
  writeProperties(instance);
  if (!fs.existsSync(path.join(instance.data, 'meta.properties'))) {
    run(
      'java',
      java(instance, ['kafka.tools.StorageTool', 'format', '-t', CLUSTER_ID, '-c', instance.properties]),
    );
  }
  if (await portOpen(instance.host, instance.port)) {
    throw new InfraError(
      `port ${instance.port} is taken by another program; stop it or set KAFKA_BROKERS to use it`,
    );
  }
  const out = fs.openSync(path.join(instance.logs, 'stdout.log'), 'a');
  const child = spawn('java', java(instance, ['kafka.Kafka', instance.properties]), {
    detached: true,
    stdio: ['ignore', out, out],
  });
  child.unref();
  fs.writeFileSync(instance.pidFile, `${child.pid}\n`);
  log(`Kafka ${KAFKA_VERSION} starting (pid ${child.pid})…`);
  await waitFor(
    'Kafka',
    async () => {
      if (!isAlive(child.pid)) {
        throw new InfraError(`the broker exited; see ${path.join(instance.logs, 'server.log')}`);
      }
      return kafkaResponds(instance.brokers, { createProbeTopic: true });
    },
    { timeoutMs: 90_000, intervalMs: 500 },
  );
  return child.pid;
}

export async function stopLocalKafka(instance = local) {
  const pid = readPid(instance.pidFile);
  const stopped = await stopPid(pid, { timeoutMs: 30_000 });
  fs.rmSync(instance.pidFile, { force: true });
  return stopped;
}

/** Ready means a real client round trip: cluster metadata and, when asked, a topic with a leader. */
export async function kafkaResponds(brokers, { createProbeTopic = false } = {}) {
  const require = createRequire(path.join(ROOT, 'package.json'));
  const { Kafka, logLevel } = require('kafkajs');
  const kafka = new Kafka({
    clientId: 'c2c-infra',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    if (createProbeTopic) {
      await admin.createTopics({
        topics: [{ topic: '__c2c_infra_probe', numPartitions: 1 }],
        waitForLeaders: true,
      });
      await admin.fetchTopicMetadata({ topics: ['__c2c_infra_probe'] });
    }
    return cluster.brokers.length > 0;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export const kafkaLogFile = (instance = local) => path.join(instance.logs, 'server.log');
