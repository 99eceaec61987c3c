import { COOPERATION_AREAS, CooperationArea } from '@c2c/contracts';
import type { FieldError } from '@c2c/platform';
import { CityRecord, isRegistered } from '@c2c/city-model';
import { outside, type CitiesOutside } from './activity.rules';
import type { Agreement } from './partnership.types';

export interface ProposalRulesInput {
  proposerCityId: string;
  participantCityIds: string[];
  cooperationAreas: string[];
  startDate?: string;
  endDate?: string;
}

/**
 * The participants of a proposal, proposer first. The proposer may or may not be listed among
 * `participantCityIds`; it takes part either way.
 */
export const participantIdsOf = (
  input: Pick<ProposalRulesInput, 'proposerCityId' | 'participantCityIds'>,
): string[] => [
  input.proposerCityId,
  ...input.participantCityIds.filter((id) => id !== input.proposerCityId),
];

const FIELD = 'participantCityIds';

/**
 * The domain's rules for a proposal, checked against the local city model: two or more known cities,
 * none archived, none twice, in two or more countries; areas from the vocabulary; end not before start.
 * Returns every violation (empty when the proposal is sound), each naming the field to fix.
 */
export function checkProposal(input: ProposalRulesInput, cities: Map<string, CityRecord>): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const duplicates = input.participantCityIds.filter((id) => seen.size === seen.add(id).size);
  if (duplicates.length > 0) {
    errors.push({
      field: FIELD,
      message: `duplicate participant(s): ${[...new Set(duplicates)].join(', ')}`,
    });
  }
  const ids = participantIdsOf(input);
  if (new Set(ids).size < 2)
    errors.push({ field: FIELD, message: 'at least two cities take part in a partnership' });
  const countries = new Set<string>();
  let allKnown = true;
  for (const id of new Set(ids)) {
    const city = cities.get(id);
    const field = id === input.proposerCityId ? 'proposerCityId' : FIELD;
    if (!isRegistered(city)) {
      errors.push({ field, message: `city ${id} is not known` });
      allKnown = false;
      continue;
    }
    if (city.archivedAt !== null) errors.push({ field, message: `city ${id} (${city.name}) is archived` });
    countries.add(city.countryCode);
  }
  if (countries.size === 1 && allKnown && ids.length > 1) {
    errors.push({
      field: FIELD,
      message: `the participants must be in two or more countries; all are in ${[...countries][0]}`,
    });
  }
  const unknownAreas = input.cooperationAreas.filter(
    (area) => !COOPERATION_AREAS.includes(area as CooperationArea),
  );
  if (unknownAreas.length > 0) {
    errors.push({
      field: 'cooperationAreas',
      message: `unknown cooperation area(s): ${unknownAreas.join(', ')}`,
    });
  }
  if (input.startDate !== undefined && input.endDate !== undefined && input.endDate < input.startDate) {
    errors.push({ field: 'endDate', message: 'endDate must not be before startDate' });
  }
  return errors;
}

/**
 * Who signed the agreement signed for a city of the proposal: a signatory naming another city would
 * put that city's name under a partnership it is not part of.
 */
export function signatoriesOutside(
  agreement: Agreement | undefined,
  participantIds: readonly string[],
): CitiesOutside[] {
  return (agreement?.signatories ?? [])
    .map((signatory, index) =>
      signatory.cityId === undefined
        ? undefined
        : outside(`agreement.signatories.${index}.cityId`, [signatory.cityId], participantIds),
    )
    .filter((violation): violation is CitiesOutside => violation !== undefined);
}
