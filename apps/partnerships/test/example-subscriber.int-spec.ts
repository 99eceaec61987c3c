import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { eventually, testKafkaBrokers } from '@c2c/testing';
import { Producer } from 'kafkajs';
import { Api, proposalBetween } from './support/api';
import { ExampleSubscriberProcess } from './support/example-subscriber-process';
import { PartnershipsEnv } from './support/partnerships-env';

describe('examples/partnership-subscriber against the real broker', () => {
  let env: PartnershipsEnv;
  let app: NestFastifyApplication;
  let api: Api;
  let subscriber: ExampleSubscriberProcess | undefined;
  let producer: Producer;

  beforeAll(async () => {
    env = await PartnershipsEnv.create('p-subscriber');
    app = await env.startApp();
    api = new Api(app, await env.auth.secretariat());
    producer = env.kafka.producer();
    await producer.connect();
  }, 120_000);

  afterAll(async () => {
    await subscriber?.stop();
    await producer?.disconnect();
    await env?.close();
  });

  it('ends with exactly the partnerships that are active, despite a redelivered event', async () => {
    const [seoul, taipei, cebu, penang] = [
      await env.cities.register({ name: 'Seoul', countryCode: 'KR' }),
      await env.cities.register({ name: 'Taipei', countryCode: 'TW' }),
      await env.cities.register({ name: 'Cebu', countryCode: 'PH' }),
      await env.cities.register({ name: 'George Town', countryCode: 'MY' }),
    ] as [string, string, string, string];
    await env.citiesKnown(app, [seoul, taipei, cebu, penang]);

    const active = async (proposer: string, partners: string[], title: string) => {
      const created = await api.post('/partnerships', proposalBetween(proposer, partners, { title }));
      for (const partner of partners)
        await api.post(`/partnerships/${created.body.id}/acceptances`, { cityId: partner });
      return created.body.id;
    };
    const stays = await active(seoul, [taipei], 'Seoul–Taipei smart mobility');
    const network = await active(cebu, [penang, seoul], 'Heritage cities network');
    const ended = await active(taipei, [cebu], 'Ended early');
    await api.post(`/partnerships/${ended}/termination`, { reason: 'merged into the network' });
    const paused = await active(penang, [taipei], 'Paused');
    await api.post(`/partnerships/${paused}/suspension`, { reason: 'elections' });
    const back = await active(seoul, [penang], 'Suspended and resumed');
    await api.post(`/partnerships/${back}/suspension`, { reason: 'elections' });
    await api.post(`/partnerships/${back}/resumption`, { reason: 'new council' });
    await api.post('/partnerships', proposalBetween(cebu, [taipei], { title: 'Still proposed' }));
    await api.post(`/partnerships/${network}/activities`, {
      kind: 'study-visit',
      title: 'Old town conservation visit',
      startDate: '2026-10-01',
      participatingCityIds: [cebu, penang],
    });

    subscriber = new ExampleSubscriberProcess({
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: env.topicPrefix,
    });
    const expected = [stays, network, back].sort();
    await eventually(() => expect(subscriber?.active).toEqual(expected), { timeout: 45_000 });

    // At-least-once: the same record delivered again (same ce_id) changes nothing.
    const recorder = await env.recordPartnershipEvents();
    await eventually(() => expect(recorder.ofType('c2c.partnership.terminated.v1')).toHaveLength(1));
    const [terminated] = recorder.ofType('c2c.partnership.terminated.v1');
    await producer.send({
      topic: env.partnershipsTopic,
      messages: [{ key: terminated!.key, value: terminated!.value, headers: terminated!.headers }],
    });
    await eventually(() =>
      expect(
        subscriber?.lines.filter((line) => line.id === terminated!.headers.ce_id).map((line) => line.outcome),
      ).toEqual(['applied', 'duplicate']),
    );
    expect(subscriber.active).toEqual(expected);
    expect(await subscriber.stop()).toBe(0);
    expect(subscriber.errors).not.toMatch(/skipped the record/);
  }, 60_000);
});
