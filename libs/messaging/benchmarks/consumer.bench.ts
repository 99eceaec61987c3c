/**
 * Consumer benchmark (`npm run bench -- consumer`): our `EventConsumer` applying N events through the
 * inbox beside the consumers a user would otherwise write, on the same topic, broker and database,
 * alternated round by round, each round a fresh group reading from the start of the topic:
 *   - the strongest hand-written consumer: raw kafkajs `eachBatch`, one transaction per batch with
 *     the same insert per event, no validation, no inbox, offsets committed once per batch;
 *   - the stock NestJS Kafka transport (`@EventPattern` handler doing the same insert), over the
 *     first STOCK_EVENTS events only (it is slow enough that a rate over fewer events says the same).
 *
 *   env (quick profile; the full one in brackets): EVENTS=20000 [100000]  STOCK_EVENTS=5000 [20000]
 *        BENCH_ROUNDS=5  BENCH_WARM_UP=1
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  Ctx,
  EventPattern,
  KafkaContext,
  MicroserviceOptions,
  Payload,
  Transport,
} from '@nestjs/microservices';
import {
  alternate,
  benchmarkMain,
  benchSize,
  figure,
  prepareTestInfrastructure,
  testKafkaBrokers,
} from '@c2c/testing';
import { MessagingHarness } from '../test/support/messaging-harness';
import { BATCH, EFFECT_INSERT, fillOutbox, oursApply, strongRawApply, timedApply, until } from './support';

const EVENTS = benchSize('EVENTS', { quick: 20_000, full: 100_000 });
const STOCK_EVENTS = Math.min(EVENTS, benchSize('STOCK_EVENTS', { quick: 5_000, full: 20_000 }));

const stockNest = (harness: MessagingHarness) =>
  timedApply(harness, STOCK_EVENTS, 'stock Nest transport', async () => {
    const topic = harness.citiesTopic;
    @Controller()
    class StockController {
      @EventPattern(topic)
      async handle(@Payload() _data: unknown, @Ctx() context: KafkaContext): Promise<void> {
        const message = context.getMessage();
        const headers = message.headers ?? {};
        await harness.dataSource.query(EFFECT_INSERT, [
          String(headers.ce_id),
          message.key?.toString(),
          Number(String(headers.ce_sequence)),
        ]);
      }
    }
    @Module({ controllers: [StockController] })
    class StockModule {}
    const app = await NestFactory.createMicroservice<MicroserviceOptions>(StockModule, {
      logger: false,
      transport: Transport.KAFKA,
      options: {
        client: { brokers: testKafkaBrokers(), clientId: 'bench-stock' },
        consumer: { groupId: `bench-stock-${randomUUID().slice(0, 8)}` },
        subscribe: { fromBeginning: true },
      },
    });
    await app.listen();
    return () => app.close();
  });

benchmarkMain('consumer', async ({ rounds, warmUp, progress }) => {
  prepareTestInfrastructure();
  const harness = await MessagingHarness.create('bench-consumer');
  try {
    progress(`publishing ${EVENTS} events through the relay`);
    await fillOutbox(harness, EVENTS);
    const relay = harness.relay({ batchSize: BATCH });
    await relay.start();
    await until(async () => (await harness.unpublished()) === 0, 'publishing the events');
    await relay.stop();

    const result = await alternate(
      {
        ours: () => oursApply(harness, EVENTS),
        raw: () => strongRawApply(harness, EVENTS),
        stock: () => stockNest(harness),
      },
      {
        rounds,
        warmUp,
        onSample: (target, round, value) => progress(`round ${round}/${rounds} ${target} ${value} ev/s`),
      },
    );
    return {
      figures: [
        figure({
          id: 'consumer.strong-raw',
          label: `apply ${EVENTS.toLocaleString('en-US')} events through the inbox`,
          unit: 'ev/s',
          better: 'higher',
          measured: result.ours,
          anchors: [{ label: 'raw eachBatch, a transaction per batch', summary: result.raw }],
          target: (ratio) => ({ text: '≥ 0.8×', met: (ratio ?? 0) >= 0.8 }),
        }),
        figure({
          id: 'consumer.stock-nest',
          label: 'the same, against the stock NestJS Kafka transport',
          unit: 'ev/s',
          better: 'higher',
          measured: result.ours,
          anchors: [
            {
              label: `@EventPattern (${STOCK_EVENTS.toLocaleString('en-US')} events)`,
              summary: result.stock,
            },
          ],
          target: (ratio) => ({ text: '≥ 4×', met: (ratio ?? 0) >= 4 }),
        }),
      ],
      notes: [
        'Ours decodes, validates against the contract, records each event in the inbox and inserts one effect per event, one transaction per batch (one per event on retries).',
        'The strong anchor does the same insert per event in one transaction per batch and commits offsets once per batch; it has no validation and no inbox, so a crash can apply an event twice.',
      ],
    };
  } finally {
    await harness.close();
  }
});
