import { randomUUID } from 'node:crypto';
import type { ProblemDetails } from '@c2c/platform';
import { ServiceWorld } from '@c2c/service/testing';
import type { ActivityResponse } from '../src/partnerships/dto/activity-response.dto';
import {
  Api,
  BestPracticePublisher,
  citiesKnown,
  CityPublisher,
  officerOf,
  Partnerships,
  practiceKnown,
  proposalBetween,
  startPartnerships,
  type Reply,
} from './support/partnerships';

/** A 422 `best-practice-unknown` naming `practiceTransfer.bestPracticeId` and the id it names. */
function expectUnknownPractice(reply: Reply<ProblemDetails>, bestPracticeId: string): void {
  expect(reply.status).toBe(422);
  expect(reply.contentType).toMatch(/^application\/problem\+json/);
  expect(reply.body.type).toMatch(/\/best-practice-unknown$/);
  expect(reply.body.errors).toEqual([
    { field: 'practiceTransfer.bestPracticeId', bestPracticeId, message: expect.any(String) as unknown },
  ]);
}

// A practice transfer names a practice published in the best-practice library, which partnerships
// knows only from the commissions service's events on c2c.commissions.v1.
describe('partnerships: practice transfers name published best practices from c2c.commissions.v1', () => {
  let world: ServiceWorld;
  let app: Partnerships;
  let practices: BestPracticePublisher;
  let kitakyushu: string;
  let surabaya: string;
  let partnershipId: string;
  let api: Api;

  const transfer = (bestPracticeId: string) => ({
    kind: 'practice-transfer',
    title: 'Takakura home composting in Surabaya',
    startDate: '2026-09-07',
    participatingCityIds: [kitakyushu, surabaya],
    practiceTransfer: { bestPracticeId, sourceCityId: kitakyushu, adoptingCityId: surabaya },
  });

  beforeAll(async () => {
    world = await ServiceWorld.create('p-best-practices');
    app = await startPartnerships(world);
    const cities = await CityPublisher.open(world);
    practices = await BestPracticePublisher.open(world);
    kitakyushu = await cities.register({ name: 'Kitakyushu', countryCode: 'JP' });
    surabaya = await cities.register({ name: 'Surabaya', countryCode: 'ID' });
    await citiesKnown(app, [kitakyushu, surabaya]);
    api = new Api(app, officerOf(surabaya));
    partnershipId = (await api.post('/partnerships', proposalBetween(surabaya, [kitakyushu]))).body.id;
    const accepted = await new Api(app, officerOf(kitakyushu)).post(
      `/partnerships/${partnershipId}/acceptances`,
      {
        cityId: kitakyushu,
      },
    );
    expect(accepted.body.status).toBe('active');
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  it('keeps a practice the commissions service published, and records a transfer naming it', async () => {
    const practiceId = await practices.published(kitakyushu);
    const known = await practiceKnown(app, practiceId, 'published');
    expect(known).toMatchObject({ cityId: kitakyushu, title: 'Takakura home composting', lastSequence: 2 });

    const recorded = await api.post<ActivityResponse>(
      `/partnerships/${partnershipId}/activities`,
      transfer(practiceId),
    );
    expect(recorded.status).toBe(201);
    expect(recorded.body.practiceTransfer).toMatchObject({ bestPracticeId: practiceId });
  });

  it('refuses a transfer naming a practice it never heard of with a 422 naming the field, recording nothing', async () => {
    const before = await api.get(`/partnerships/${partnershipId}`);
    const unknown = randomUUID();
    expectUnknownPractice(
      await api.problem(`/partnerships/${partnershipId}/activities`, transfer(unknown)),
      unknown,
    );
    expect((await api.get(`/partnerships/${partnershipId}`)).body.version).toBe(before.body.version);
  });

  it('refuses a practice submitted but not published, and takes it once it is published', async () => {
    const practiceId = await practices.submit(kitakyushu, 'Community flood maps');
    await practiceKnown(app, practiceId, 'submitted');
    expectUnknownPractice(
      await api.problem(`/partnerships/${partnershipId}/activities`, transfer(practiceId)),
      practiceId,
    );

    await practices.publishPractice(practiceId);
    await practiceKnown(app, practiceId, 'published');
    expect((await api.post(`/partnerships/${partnershipId}/activities`, transfer(practiceId))).status).toBe(
      201,
    );
  });
});
