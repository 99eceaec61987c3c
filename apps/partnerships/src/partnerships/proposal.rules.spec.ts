import { randomUUID } from 'node:crypto';
import { CityRecord, emptyCityRecord } from '@c2c/city-model';
import { checkProposal, participantIdsOf, signatoriesOutside } from './proposal.rules';

const city = (countryCode: string, archived = false): CityRecord => ({
  ...emptyCityRecord(randomUUID()),
  name: `City in ${countryCode}`,
  countryCode,
  archivedAt: archived ? '2026-01-01T00:00:00.000Z' : null,
});

const [jp1, jp2, id1, gone] = [city('JP'), city('JP'), city('ID'), city('VN', true)];
const model = new Map([jp1, jp2, id1, gone].map((c) => [c.cityId, c]));
const valid = {
  proposerCityId: jp1.cityId,
  participantCityIds: [id1.cityId],
  cooperationAreas: ['transport'],
};

const fieldsOf = (input: Partial<typeof valid> & { startDate?: string; endDate?: string }) =>
  checkProposal({ ...valid, ...input }, model).map((e) => [e.field, e.message]);

describe('checkProposal', () => {
  it('accepts two known cities in two countries; the proposer need not be listed', () => {
    expect(fieldsOf({})).toEqual([]);
    expect(participantIdsOf({ proposerCityId: 'a', participantCityIds: ['b', 'a'] })).toEqual(['a', 'b']);
  });

  it.each([
    [
      'all participants in one country',
      { participantCityIds: [jp2.cityId] },
      'participantCityIds',
      /two or more countries; all are in JP/,
    ],
    ['an archived city', { participantCityIds: [gone.cityId] }, 'participantCityIds', /is archived/],
    [
      'a duplicate participant',
      { participantCityIds: [id1.cityId, id1.cityId] },
      'participantCityIds',
      /duplicate/,
    ],
    ['an unknown city', { participantCityIds: [randomUUID()] }, 'participantCityIds', /is not known/],
    ['an unknown proposer', { proposerCityId: randomUUID() }, 'proposerCityId', /is not known/],
    ['a lone proposer', { participantCityIds: [jp1.cityId] }, 'participantCityIds', /at least two/],
    ['end before start', { startDate: '2027-01-01', endDate: '2026-12-31' }, 'endDate', /before startDate/],
    ['an unknown area', { cooperationAreas: ['space-travel'] }, 'cooperationAreas', /space-travel/],
  ])('refuses %s, naming the field', (_name, input, field, message) => {
    const errors = fieldsOf(input);
    expect(errors).toContainEqual([field, expect.stringMatching(message)]);
  });
});

describe('signatoriesOutside', () => {
  const [a, b, stranger] = [randomUUID(), randomUUID(), randomUUID()];

  it('names each signatory whose city does not take part, and ignores those without a city', () => {
    const agreement = {
      signatories: [{ name: 'A', cityId: a }, { name: 'Witness' }, { name: 'S', cityId: stranger }],
    };
    expect(signatoriesOutside(agreement, [a, b])).toEqual([
      expect.objectContaining({ field: 'agreement.signatories.2.cityId', cityIds: [stranger] }),
    ]);
    expect(signatoriesOutside(undefined, [a, b])).toEqual([]);
  });
});
