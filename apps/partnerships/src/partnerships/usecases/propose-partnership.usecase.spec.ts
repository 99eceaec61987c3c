import { randomUUID } from 'node:crypto';
import type { AuthenticatedUser } from '@c2c/auth';
import type { TransactionRunner, Tx } from '@c2c/persistence';
import { Clock } from '@c2c/platform';
import { CityModel } from '../../city-model/city-model.service';
import { CityRecord, emptyCityRecord } from '../../city-model/city-projection';
import { PartnershipError, PartnershipErrorCode } from '../partnership.errors';
import { PartnershipStore } from '../partnership-store';
import { ProposePartnership, ProposePartnershipCommand } from './propose-partnership.usecase';

const city = (name: string, countryCode: string): CityRecord => ({
  ...emptyCityRecord(randomUUID()),
  name,
  countryCode,
});
const [hue, kyoto, nara] = [city('Hue', 'VN'), city('Kyoto', 'JP'), city('Nara', 'JP')];
const model = new Map([hue, kyoto, nara].map((c) => [c.cityId, c]));
const officerOf = (cityId: string): AuthenticatedUser => ({
  userId: randomUUID(),
  email: 'officer@example.org',
  roles: ['city-officer'],
  cityId,
  commissionIds: [],
  issuer: 'urn:c2c:gateway',
});
const command = (overrides: Partial<ProposePartnershipCommand> = {}): ProposePartnershipCommand => ({
  type: 'friendship',
  title: 'Heritage capitals',
  proposerCityId: hue.cityId,
  participantCityIds: [kyoto.cityId],
  cooperationAreas: ['culture-and-heritage', 'tourism'],
  ...overrides,
});

describe(ProposePartnership.name, () => {
  const tx = {} as Tx;
  const now = new Date('2026-04-01T00:00:00Z');
  let transactions: { run: jest.Mock };
  let store: { record: jest.Mock };
  let useCase: ProposePartnership;

  beforeEach(() => {
    transactions = { run: jest.fn((work: (tx: Tx) => Promise<unknown>) => work(tx)) };
    store = {
      record: jest.fn((_tx: Tx, partnership: { toState(): unknown }) =>
        Promise.resolve(partnership.toState()),
      ),
    };
    const cities = {
      lookup: jest.fn((ids: string[]) =>
        Promise.resolve(new Map(ids.filter((id) => model.has(id)).map((id) => [id, model.get(id)!]))),
      ),
    };
    useCase = new ProposePartnership(
      transactions as unknown as TransactionRunner,
      cities as unknown as CityModel,
      store as unknown as PartnershipStore,
      { now: () => now } as Clock,
    );
  });

  it('records the proposal, the proposer accepted, with one proposed change by the officer', async () => {
    const user = officerOf(hue.cityId);
    const state = await useCase.execute(user, command());
    expect(state).toMatchObject({ status: 'proposed', proposerCityId: hue.cityId, createdAt: now });
    expect(state.participants.map((p) => [p.name, p.role, p.acceptedAt])).toEqual([
      ['Hue', 'proposer', now],
      ['Kyoto', 'partner', null],
    ]);
    const [, , changes, actor, options] = store.record.mock.calls[0] as [
      unknown,
      unknown,
      { kind: string }[],
      unknown,
      unknown,
    ];
    expect(changes.map((c) => c.kind)).toEqual(['proposed']);
    expect(actor).toEqual({ userId: user.userId, cityId: hue.cityId });
    expect(options).toEqual({ created: true });
  });

  it('refuses an officer proposing for another city before touching the database', async () => {
    await expect(useCase.execute(officerOf(kyoto.cityId), command())).rejects.toMatchObject({
      code: PartnershipErrorCode.Forbidden,
    });
    expect(transactions.run).not.toHaveBeenCalled();
  });

  it('refuses a proposal within one country, recording nothing', async () => {
    const refusal = useCase.execute(
      officerOf(kyoto.cityId),
      command({ proposerCityId: kyoto.cityId, participantCityIds: [nara.cityId] }),
    );
    await expect(refusal).rejects.toBeInstanceOf(PartnershipError);
    await expect(refusal).rejects.toMatchObject({ details: { fields: [{ field: 'participantCityIds' }] } });
    expect(store.record).not.toHaveBeenCalled();
  });
});
