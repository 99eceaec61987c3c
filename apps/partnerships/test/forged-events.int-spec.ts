import { randomUUID } from 'node:crypto';
import { createEventEnvelope, deadLetterTopicOf, EventData, EventType, toKafkaHeaders } from '@c2c/contracts';
import { DLQ_HEADERS } from '@c2c/messaging';
import { ServiceWorld } from '@c2c/service/testing';
import { eventually, TopicRecorder } from '@c2c/testing';
import type { Producer } from 'kafkajs';
import { CityModel, CityModelRebuild, REBUILD_GROUP_SUFFIX } from '@c2c/city-model';
import {
  Api,
  citiesKnown,
  CityPublisher,
  Partnerships,
  proposalBetween,
  startPartnerships,
} from './support/partnerships';

/**
 * Events forged by whoever can write to `c2c.cities.v1` (no ACLs, or a leaked credential): a raw
 * producer with hand-made CloudEvents headers, beside the real events of the cities service's outbox.
 */
describe('partnerships: forged events on the cities topic', () => {
  let world: ServiceWorld;
  let app: Partnerships;
  let cities: CityPublisher;
  let api: Api;
  let forger: Producer;
  let deadLetters: TopicRecorder;

  beforeAll(async () => {
    world = await ServiceWorld.create('p-forged');
    app = await startPartnerships(world);
    cities = await CityPublisher.open(world);
    api = new Api(app);
    deadLetters = await world.record(deadLetterTopicOf(`${world.topicPrefix}partnerships`));
    forger = world.kafka.producer();
    await forger.connect();
  }, 120_000);

  afterAll(async () => {
    await forger?.disconnect();
    await world?.close();
  });

  /** Sends an event straight to the cities topic with the headers given over the true ones. */
  async function forge<T extends EventType>(
    type: T,
    cityId: string,
    data: EventData<T>,
    headers: { ce_source?: string; ce_sequence?: string },
  ): Promise<string> {
    const envelope = createEventEnvelope(type, data, {
      id: randomUUID(),
      subject: cityId,
      time: new Date().toISOString(),
      sequence: 1,
    });
    await forger.send({
      topic: world.topic('c2c.cities.v1'),
      messages: [
        {
          key: cityId,
          value: JSON.stringify(data),
          headers: { ...toKafkaHeaders(envelope), ...headers },
        },
      ],
    });
    return envelope.id;
  }

  const deadLetterOf = (eventId: string) =>
    eventually(() => {
      const letter = deadLetters.messages.find((m) => m.headers.ce_id === eventId);
      expect(letter).toBeDefined();
      return letter!;
    });

  const city = async (id: string) => (await app.get(CityModel).lookup([id])).get(id);

  it('dead-letters a city.archived with another service as its source: it suspends nothing, and later real events for the city apply', async () => {
    const [jakarta, hanoi] = [
      await cities.register({ name: 'Jakarta', countryCode: 'ID' }),
      await cities.register({ name: 'Hanoi', countryCode: 'VN' }),
    ];
    await citiesKnown(app, [jakarta, hanoi]);
    const proposed = await api.post('/partnerships', proposalBetween(jakarta, [hanoi]));
    await api.post(`/partnerships/${proposed.body.id}/acceptances`, { cityId: hanoi });
    const partnership = `/partnerships/${proposed.body.id}`;
    expect((await api.get(partnership)).body.status).toBe('active');

    const forged = await forge(
      'c2c.city.archived.v1',
      hanoi,
      { cityId: hanoi, name: 'Hanoi', countryCode: 'VN', archivedAt: new Date().toISOString() },
      { ce_source: '/c2c/partnerships', ce_sequence: '2' },
    );

    const letter = await deadLetterOf(forged);
    expect(letter.headers).toMatchObject({
      [DLQ_HEADERS.reason]: 'foreign-source',
      [DLQ_HEADERS.attempts]: '0',
      [DLQ_HEADERS.topic]: world.topic('c2c.cities.v1'),
    });
    expect(letter.headers[DLQ_HEADERS.error]).toBe(
      'ce_source /c2c/partnerships is not /c2c/cities, the owner of c2c.cities.v1',
    );
    // The consumer is past the forged record (it dead-lettered it), so its effect would show by now.
    expect((await api.get(partnership)).body.status).toBe('active');
    expect((await city(hanoi))?.archivedAt).toBeNull();

    // The cities service's own next events for the city, behind the forged one on its partition.
    await cities.updateProfile(hanoi, { englishName: 'Hanoi Capital' });
    await eventually(async () => expect((await city(hanoi))?.englishName).toBe('Hanoi Capital'));
    await cities.archive(hanoi, 'Hanoi', 'VN');
    await eventually(async () => expect((await api.get(partnership)).body.status).toBe('suspended'));
  });

  it('dead-letters a city event of a partnerships type as type-not-of-topic', async () => {
    const busan = await cities.register({ name: 'Busan', countryCode: 'KR' });
    await citiesKnown(app, [busan]);
    const forged = randomUUID();
    const envelope = createEventEnvelope(
      'c2c.city.membership-changed.v1',
      { cityId: busan, previousStatus: 'member', membershipStatus: 'observer', changedOn: '2026-05-14' },
      { id: forged, subject: busan, time: new Date().toISOString(), sequence: 2 },
    );
    await forger.send({
      topic: world.topic('c2c.cities.v1'),
      messages: [
        {
          key: busan,
          value: JSON.stringify(envelope.data),
          headers: { ...toKafkaHeaders(envelope), ce_type: 'c2c.partnership.terminated.v1' },
        },
      ],
    });

    expect((await deadLetterOf(forged)).headers[DLQ_HEADERS.reason]).toBe('type-not-of-topic');
    expect((await city(busan))?.membershipStatus).toBe('member');
  });

  it('dead-letters a ce_sequence near 2^53 from the right source as rejected; the city keeps applying real events, and a rebuild leaves it out', async () => {
    const colombo = await cities.register({ name: 'Colombo', countryCode: 'LK' });
    await citiesKnown(app, [colombo]);

    const forged = await forge(
      'c2c.city.profile-updated.v1',
      colombo,
      {
        cityId: colombo,
        changedFields: ['name'],
        changes: { name: 'Frozen' },
        updatedAt: new Date().toISOString(),
      },
      { ce_sequence: String(Number.MAX_SAFE_INTEGER) },
    );

    const letter = await deadLetterOf(forged);
    expect(letter.headers).toMatchObject({ [DLQ_HEADERS.reason]: 'rejected', ce_source: '/c2c/cities' });
    expect(letter.headers[DLQ_HEADERS.error]).toMatch(
      /sequence 9007199254740991 of city .* is more than 10000/,
    );
    expect((await city(colombo))?.name).toBe('Colombo');

    await cities.updateProfile(colombo, { name: 'Colombo Municipal Council' });
    await eventually(async () => expect((await city(colombo))?.name).toBe('Colombo Municipal Council'));
    const live = await city(colombo);
    expect(live?.lastSequence).toBe(2);

    const rebuildLetters = await world.record(
      deadLetterTopicOf(`${world.topicPrefix}partnerships${REBUILD_GROUP_SUFFIX}`),
    );
    const report = await app.get(CityModelRebuild).run();
    expect(report?.differences.filter((d) => d.cityId === colombo)).toEqual([]);
    expect(await city(colombo)).toEqual(live);
    // The rebuild read the forged record again, and refused it again.
    await eventually(() =>
      expect(rebuildLetters.messages.find((m) => m.headers.ce_id === forged)?.headers).toMatchObject({
        [DLQ_HEADERS.reason]: 'rejected',
      }),
    );
  }, 60_000);
});
