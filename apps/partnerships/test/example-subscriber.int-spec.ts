import { ServiceWorld } from '@c2c/service/testing';
import { eventually, testKafkaBrokers } from '@c2c/testing';
import { Producer } from 'kafkajs';
import { ExampleSubscriberProcess } from './support/example-subscriber-process';
import {
  Api,
  citiesKnown,
  CityPublisher,
  Partnerships,
  proposalBetween,
  startPartnerships,
} from './support/partnerships';

describe('examples/partnership-subscriber against the real broker', () => {
  let world: ServiceWorld;
  let app: Partnerships;
  let cities: CityPublisher;
  let api: Api;
  let subscriber: ExampleSubscriberProcess | undefined;
  let producer: Producer;

  beforeAll(async () => {
    world = await ServiceWorld.create('p-subscriber');
    app = await startPartnerships(world);
    cities = await CityPublisher.open(world);
    api = new Api(app);
    producer = world.kafka.producer();
    await producer.connect();
  }, 120_000);

  afterAll(async () => {
    await subscriber?.stop();
    await producer?.disconnect();
    await world?.close();
  });

  it('ends with exactly the partnerships that are active, despite a redelivered event', async () => {
    const [seoul, taipei, cebu, penang] = [
      await cities.register({ name: 'Seoul', countryCode: 'KR' }),
      await cities.register({ name: 'Taipei', countryCode: 'TW' }),
      await cities.register({ name: 'Cebu', countryCode: 'PH' }),
      await cities.register({ name: 'George Town', countryCode: 'MY' }),
    ] as [string, string, string, string];
    await citiesKnown(app, [seoul, taipei, cebu, penang]);

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
      KAFKA_TOPIC_PREFIX: world.topicPrefix,
    });
    const expected = [stays, network, back].sort();
    await eventually(() => expect(subscriber?.active).toEqual(expected), { timeout: 45_000 });

    // At-least-once: the same record delivered again (same ce_id) changes nothing.
    const recorder = await world.record('c2c.partnerships.v1');
    await eventually(() => expect(recorder.ofType('c2c.partnership.terminated.v1')).toHaveLength(1));
    const [terminated] = recorder.ofType('c2c.partnership.terminated.v1');
    await producer.send({
      topic: world.topic('c2c.partnerships.v1'),
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
