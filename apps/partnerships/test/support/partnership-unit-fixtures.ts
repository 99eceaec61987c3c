import { randomUUID } from 'node:crypto';
import type { AuthenticatedUser, Role } from '@c2c/auth';
import { FixedClock } from '@c2c/platform';
import { type CityRecord, emptyCityRecord } from '@c2c/city-model';
import type { BestPracticeStatus } from '@c2c/contracts';
import type { BestPracticeRecord } from '../../src/best-practice-model/best-practice-projection';
import { PartnershipError } from '../../src/partnerships/partnership.errors';
import { PartnershipChangesRecorder } from '../../src/partnerships/partnership-changes.recorder';
import type { PartnershipState } from '../../src/partnerships/partnership.types';
import { AcceptPartnership } from '../../src/partnerships/usecases/accept-partnership.usecase';
import { ChangePartnershipStatus } from '../../src/partnerships/usecases/change-partnership-status.usecase';
import { DeclinePartnership } from '../../src/partnerships/usecases/decline-partnership.usecase';
import {
  ProposePartnership,
  type ProposePartnershipCommand,
} from '../../src/partnerships/usecases/propose-partnership.usecase';
import { RecordActivity } from '../../src/partnerships/usecases/record-activity.usecase';
import { SuspendPartnershipsOfArchivedCity } from '../../src/partnerships/usecases/suspend-partnerships-of-archived-city.usecase';
import {
  FakeBestPracticeStore,
  FakeCityStore,
  FakeOutbox,
  FakePartnershipStore,
  fakeTransactions,
} from './fake-partnership-ports';

// The unit tier's world for partnership use cases: every use case wired to the same fakes and a fixed
// clock, four known cities in three countries, and callers.

export const userWith = (roles: Role[], cityId?: string): AuthenticatedUser => ({
  userId: randomUUID(),
  email: 'someone@c2c.local',
  roles,
  ...(cityId === undefined ? {} : { cityId }),
  commissionIds: [],
  issuer: 'urn:c2c:gateway',
});
export const secretariat = (): AuthenticatedUser => userWith(['secretariat']);
export const officerOf = (cityId: string): AuthenticatedUser => userWith(['city-officer'], cityId);

const city = (name: string, countryCode: string): CityRecord => ({
  ...emptyCityRecord(randomUUID()),
  name,
  countryCode,
});

/** What a refused promise threw, checked to be a PartnershipError. */
export async function refusal(promise: Promise<unknown>): Promise<PartnershipError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PartnershipError);
  return error as PartnershipError;
}

export function setup(now = new Date('2026-04-01T09:00:00Z')) {
  const clock = new FixedClock(now);
  const store = new FakePartnershipStore();
  const outbox = new FakeOutbox();
  const cities = new FakeCityStore();
  const practices = new FakeBestPracticeStore();
  const [hue, kyoto, nara, busan] = [
    city('Hue', 'VN'),
    city('Kyoto', 'JP'),
    city('Nara', 'JP'),
    city('Busan', 'KR'),
  ] as const;
  for (const known of [hue, kyoto, nara, busan]) cities.cities.set(known.cityId, known);
  const changes = new PartnershipChangesRecorder(store, outbox);
  const useCases = {
    propose: new ProposePartnership(fakeTransactions, cities, changes, clock, store, { maxOpenPerCity: 20 }),
    accept: new AcceptPartnership(fakeTransactions, cities, changes, clock),
    decline: new DeclinePartnership(fakeTransactions, changes, clock),
    changeStatus: new ChangePartnershipStatus(fakeTransactions, cities, changes, clock),
    recordActivity: new RecordActivity(fakeTransactions, store, practices, changes, clock),
    suspendOfArchivedCity: new SuspendPartnershipsOfArchivedCity(store, changes, clock),
  };

  const command = (overrides: Partial<ProposePartnershipCommand> = {}): ProposePartnershipCommand => ({
    type: 'friendship',
    title: 'Heritage capitals',
    proposerCityId: hue.cityId,
    participantCityIds: [kyoto.cityId],
    cooperationAreas: ['culture-and-heritage', 'tourism'],
    ...overrides,
  });

  /** A proposal from `proposer` to `partners`, recorded; the outbox forgets its events. */
  async function proposed(proposer = hue, partners = [kyoto]): Promise<PartnershipState> {
    const state = await useCases.propose.execute(
      secretariat(),
      command({ proposerCityId: proposer.cityId, participantCityIds: partners.map((p) => p.cityId) }),
    );
    outbox.events.length = 0;
    return state;
  }

  /** A partnership every partner accepted; the outbox forgets its events. */
  async function active(proposer = hue, partners = [kyoto]): Promise<PartnershipState> {
    let state = await proposed(proposer, partners);
    for (const partner of partners)
      state = await useCases.accept.execute(secretariat(), state.id, partner.cityId);
    outbox.events.length = 0;
    return state;
  }

  /** The city is archived in the model, as `c2c.city.archived.v1` would leave it. */
  function archive(record: CityRecord): void {
    cities.cities.set(record.cityId, { ...record, archivedAt: clock.now().toISOString() });
  }

  /** A practice of `city` the best-practice model knows in `status`, as its events would leave it. */
  function practice(city: CityRecord, status: BestPracticeStatus = 'published'): BestPracticeRecord {
    const record: BestPracticeRecord = {
      practiceId: randomUUID(),
      cityId: city.cityId,
      title: 'Community-based solid waste composting',
      challenges: ['environment'],
      sdgs: [11, 12],
      cooperationAreas: ['environment-and-climate'],
      status,
      publishedAt: status === 'published' ? clock.now().toISOString() : null,
      lastSequence: status === 'submitted' ? 1 : 2,
    };
    practices.practices.set(record.practiceId, record);
    return record;
  }

  return {
    clock,
    store,
    outbox,
    cities,
    practices,
    practice,
    hue,
    kyoto,
    nara,
    busan,
    command,
    proposed,
    active,
    archive,
    ...useCases,
  };
}
