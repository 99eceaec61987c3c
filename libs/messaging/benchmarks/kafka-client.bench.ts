/**
 * Kafka client benchmark (`npm run bench -- kafka-client`): what the choice of kafkajs costs. The
 * relay's drain and the consumer's apply (the very functions of the relay and consumer benchmarks,
 * on kafkajs) beside raw `@platformatic/kafka`, a maintained pure-JavaScript client, producing and
 * consuming the same records, and raw kafkajs doing the same, so the comparison is client against
 * client. Rounds alternate every target. A figure, not a target: it tells whether the messaging
 * library should offer another client behind its port.
 *
 * Produce (one harness: database, outbox, topics): EVENTS records exactly as the relay publishes an
 * outbox of 1,000 aggregates (keys, values, CloudEvents headers), idempotent, acks=all, batches of
 * 1,000, one batch in flight: the relay; raw kafkajs `sendBatch`; raw @platformatic/kafka `send`.
 * Consume (another harness, the events published once through the relay), each round a fresh group
 * from the start of the topic, offsets committed once per batch (up to 1,000 records):
 *   - read only: raw kafkajs `eachBatch` and raw @platformatic/kafka's stream counting records;
 *   - apply: our `EventConsumer` (kafkajs), the strong raw kafkajs `eachBatch` (one transaction per
 *     batch, one insert per event), and the same on @platformatic/kafka.
 *
 *   env (quick profile; the full one in brackets): EVENTS=10000 [50000]  BENCH_ROUNDS=5  BENCH_WARM_UP=1
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  Consumer,
  type Message as PlatformaticMessage,
  MessagesStreamFallbackModes,
  MessagesStreamModes,
  Producer as PlatformaticProducer,
  stringDeserializers,
  stringSerializers,
} from '@platformatic/kafka';
import {
  alternate,
  benchmarkMain,
  benchSize,
  figure,
  prepareTestInfrastructure,
  testKafkaBrokers,
} from '@c2c/testing';
import type { Message } from 'kafkajs';
import { MessagingHarness, SCHEMA } from '../test/support/messaging-harness';
import {
  BATCH,
  EFFECT_INSERT,
  fillOutbox,
  idempotentProducer,
  now,
  oursApply,
  outboxRecords,
  perSecond,
  rawDrain,
  rawTopic,
  relayDrain,
  strongRawApply,
  timedApply,
  until,
} from './support';

const EVENTS = benchSize('EVENTS', { quick: 10_000, full: 50_000 });

type PlatformaticRecord = PlatformaticMessage<string, string, string, string>;

/** The size of every batch the @platformatic/kafka consumers took, for the notes (batches are ours to form). */
const platformaticBatchSizes: number[] = [];

const platformaticProducer = () =>
  new PlatformaticProducer({
    clientId: 'bench-platformatic',
    bootstrapBrokers: testKafkaBrokers(),
    serializers: stringSerializers,
    idempotent: true,
    acks: -1,
  });

/** Raw @platformatic/kafka: the same records, acks=all, 1,000 per `send`, one at a time, in ev/s. */
async function platformaticDrain(
  producer: PlatformaticProducer<string, string, string, string>,
  topic: string,
  messages: Message[],
): Promise<number> {
  const records = messages.map((m) => ({
    topic,
    key: String(m.key),
    value: String(m.value),
    headers: Object.fromEntries(
      Object.entries(m.headers ?? {}).map(([name, value]) => [name, String(value)]),
    ),
  }));
  const started = now();
  for (let i = 0; i < records.length; i += BATCH) {
    await producer.send({ messages: records.slice(i, i + BATCH), acks: -1 });
  }
  return perSecond(records.length, now() - started);
}

/**
 * A fresh @platformatic/kafka group reading the topic from its start, handing `apply` up to 1,000
 * records at a time (what has arrived, as kafkajs's eachBatch does) and committing each partition's
 * last record after it, until stopped.
 */
async function platformaticBatches(
  topic: string,
  apply: (batch: PlatformaticRecord[]) => Promise<void>,
): Promise<{ applied: () => number; stop: () => Promise<void> }> {
  const consumer = new Consumer({
    clientId: 'bench-platformatic',
    groupId: `bench-platformatic-${randomUUID().slice(0, 8)}`,
    bootstrapBrokers: testKafkaBrokers(),
    deserializers: stringDeserializers,
    maxWaitTime: 100,
  });
  const stream = await consumer.consume({
    topics: [topic],
    mode: MessagesStreamModes.COMMITTED,
    fallbackMode: MessagesStreamFallbackModes.EARLIEST,
    autocommit: false,
  });
  const pending: PlatformaticRecord[] = [];
  let wake: (() => void) | undefined;
  let stopping = false;
  let applied = 0;
  stream.on('data', (record: PlatformaticRecord) => {
    pending.push(record);
    if (pending.length >= BATCH) stream.pause();
    wake?.();
  });
  const loop = (async () => {
    while (!stopping) {
      if (pending.length === 0) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 100);
        });
        wake = undefined;
        continue;
      }
      // The stream hands a fetched response's records over one 'data' event each: let the rest of
      // the response arrive before taking the batch, as kafkajs's eachBatch gets it whole.
      await new Promise((resolve) => setImmediate(resolve));
      const batch = pending.splice(0, BATCH);
      platformaticBatchSizes.push(batch.length);
      await apply(batch);
      const last = new Map<number, PlatformaticRecord>();
      for (const record of batch) last.set(record.partition, record);
      await Promise.all(
        [...last.values()].map(async (record) => {
          await record.commit();
        }),
      );
      applied += batch.length;
      if (stream.isPaused() && pending.length < BATCH) stream.resume();
    }
  })();
  return {
    applied: () => applied,
    stop: async () => {
      stopping = true;
      wake?.();
      await loop;
      await stream.close();
      await consumer.close(true);
    },
  };
}

/** Reading only: `events` records consumed and committed per batch, in ev/s. */
async function platformaticRead(topic: string, events: number): Promise<number> {
  const started = now();
  const reader = await platformaticBatches(topic, () => Promise.resolve());
  await until(() => Promise.resolve(reader.applied() >= events), 'platformatic read');
  const ms = now() - started;
  await reader.stop();
  return perSecond(events, ms);
}

async function kafkajsRead(harness: MessagingHarness, events: number): Promise<number> {
  const consumer = harness.kafka.consumer({
    groupId: `bench-read-${randomUUID().slice(0, 8)}`,
    maxWaitTimeInMs: 100,
  });
  let read = 0;
  const started = now();
  await consumer.connect();
  await consumer.subscribe({ topics: [harness.citiesTopic], fromBeginning: true });
  await consumer.run({
    partitionsConsumedConcurrently: 3,
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset, commitOffsetsIfNecessary }) => {
      read += batch.messages.length;
      resolveOffset(batch.lastOffset());
      await commitOffsetsIfNecessary();
    },
  });
  await until(() => Promise.resolve(read >= events), 'kafkajs read');
  const ms = now() - started;
  await consumer.disconnect();
  return perSecond(events, ms);
}

/** The strong raw consumer's work (a transaction per batch, the same insert per event) on @platformatic/kafka. */
const platformaticApply = (harness: MessagingHarness, events: number): Promise<number> =>
  timedApply(harness, events, 'platformatic apply', async () => {
    const consumer = await platformaticBatches(harness.citiesTopic, (batch) =>
      harness.transactions.run(async (tx) => {
        for (const record of batch) {
          await tx.query(EFFECT_INSERT, [
            record.headers.get('ce_id'),
            record.key,
            Number(record.headers.get('ce_sequence')),
          ]);
        }
      }),
    );
    return consumer.stop;
  });

benchmarkMain('kafka-client', async ({ rounds, warmUp, progress }) => {
  prepareTestInfrastructure();
  const produce = await MessagingHarness.create('bench-client-produce');
  const consume = await MessagingHarness.create('bench-client-consume');
  const kafkajsProducer = await idempotentProducer(produce);
  const platformatic = platformaticProducer();
  try {
    const kafkajsTopic = await rawTopic(produce, 'bench.kafkajs-drain');
    const platformaticTopic = await rawTopic(produce, 'bench.platformatic-drain');
    await fillOutbox(produce, EVENTS);
    const messages = await outboxRecords(produce);
    await produce.dataSource.query(`delete from ${SCHEMA}.outbox`);

    progress(`publishing ${EVENTS} events through the relay for the consumers`);
    await fillOutbox(consume, EVENTS);
    const relay = consume.relay({ batchSize: BATCH });
    await relay.start();
    await until(async () => (await consume.unpublished()) === 0, 'publishing the events');
    await relay.stop();

    const result = await alternate(
      {
        relay: () => relayDrain(produce, EVENTS),
        kafkajsProduce: () => rawDrain(kafkajsProducer, kafkajsTopic, messages),
        platformaticProduce: () => platformaticDrain(platformatic, platformaticTopic, messages),
        kafkajsRead: () => kafkajsRead(consume, EVENTS),
        platformaticRead: () => platformaticRead(consume.citiesTopic, EVENTS),
        ours: () => oursApply(consume, EVENTS),
        kafkajsApply: () => strongRawApply(consume, EVENTS),
        platformaticApply: () => platformaticApply(consume, EVENTS),
      },
      {
        rounds,
        warmUp,
        onSample: (target, round, value) => progress(`round ${round}/${rounds} ${target} ${value} ev/s`),
      },
    );
    const count = EVENTS.toLocaleString('en-US');
    const platformaticLabel = 'raw @platformatic/kafka';
    return {
      figures: [
        figure({
          id: 'kafka-client.produce',
          label: `raw kafkajs sendBatch of ${count} outbox records`,
          unit: 'ev/s',
          better: 'higher',
          measured: result.kafkajsProduce,
          anchors: [{ label: `${platformaticLabel} send`, summary: result.platformaticProduce }],
        }),
        figure({
          id: 'kafka-client.relay',
          label: `relay drain of a ${count}-row outbox (kafkajs)`,
          unit: 'ev/s',
          better: 'higher',
          measured: result.relay,
          anchors: [
            { label: `${platformaticLabel} send`, summary: result.platformaticProduce },
            { label: 'raw kafkajs sendBatch', summary: result.kafkajsProduce },
          ],
        }),
        figure({
          id: 'kafka-client.read',
          label: `raw kafkajs eachBatch reading ${count} records`,
          unit: 'ev/s',
          better: 'higher',
          measured: result.kafkajsRead,
          anchors: [{ label: `${platformaticLabel} stream`, summary: result.platformaticRead }],
        }),
        figure({
          id: 'kafka-client.apply',
          label: `our consumer applying ${count} events (kafkajs)`,
          unit: 'ev/s',
          better: 'higher',
          measured: result.ours,
          anchors: [
            { label: `${platformaticLabel}, a transaction per batch`, summary: result.platformaticApply },
            { label: 'raw kafkajs eachBatch, a transaction per batch', summary: result.kafkajsApply },
          ],
        }),
      ],
      notes: [
        `@platformatic/kafka ${versionOf('@platformatic/kafka', '../package.json')} beside kafkajs ${versionOf('kafkajs', 'package.json')}, on the same broker, records and settings: idempotent producers, acks=all, 1,000 records per request and one request in flight; consumers with a fresh group per round from the start of the topic, a fetch wait of 100 ms, offsets committed once per batch.`,
        `The @platformatic/kafka consumers took ${platformaticBatchSizes.length.toLocaleString('en-US')} batches of ${Math.round(platformaticBatchSizes.reduce((sum, n) => sum + n, 0) / Math.max(1, platformaticBatchSizes.length))} records on average (what had arrived when the previous one was done, at most 1,000).`,
        'A ratio below 1× is what kafkajs costs against the other client on the same work; the apply figures carry the same inserts per event in one transaction per batch (ours adds validation and the inbox), so there the client is a smaller share of the time.',
      ],
    };
  } finally {
    await kafkajsProducer.disconnect();
    await platformatic.close();
    await produce.close();
    await consume.close();
  }
});

/** A package's installed version (@platformatic/kafka exports no package.json subpath). */
function versionOf(entry: string, packageJson: string): string {
  const file = path.join(path.dirname(require.resolve(entry)), packageJson);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
