import type { FieldError } from '@c2c/platform';
import type { ActivityInput } from './partnership.types';

/** Cities an input names, under one field, that do not take part in the partnership. */
export interface CitiesOutside extends FieldError {
  cityIds: string[];
}

/** `cityIds` named under `field` that are not among `participantIds`, as a violation; none: undefined. */
export function outside(
  field: string,
  cityIds: readonly string[],
  participantIds: readonly string[],
): CitiesOutside | undefined {
  const strangers = [...new Set(cityIds.filter((id) => !participantIds.includes(id)))];
  if (strangers.length === 0) return undefined;
  return {
    field,
    cityIds: strangers,
    message: `${strangers.length === 1 ? 'city' : 'cities'} ${strangers.join(', ')} ${
      strangers.length === 1 ? 'does' : 'do'
    } not take part in the partnership`,
  };
}

/**
 * An activity happens within its partnership: every city it names (taking part, giving or adopting a
 * practice) must be a participant, or the activity would put a stranger city on the record.
 */
export function citiesOutsideActivity(
  input: ActivityInput,
  participantIds: readonly string[],
): CitiesOutside[] {
  const transfer = input.practiceTransfer;
  return [
    outside('participatingCityIds', input.participatingCityIds, participantIds),
    transfer && outside('practiceTransfer.sourceCityId', [transfer.sourceCityId], participantIds),
    transfer && outside('practiceTransfer.adoptingCityId', [transfer.adoptingCityId], participantIds),
  ].filter((violation): violation is CitiesOutside => violation !== undefined);
}

/** Rules of an activity that need nothing but the activity; every violation names its field. */
export function checkActivity(input: ActivityInput): FieldError[] {
  const errors: FieldError[] = [];
  if (input.endDate !== null && input.endDate < input.startDate) {
    errors.push({ field: 'endDate', message: 'endDate must not be before startDate' });
  }
  const transfer = input.practiceTransfer;
  if (input.kind === 'practice-transfer' && transfer === undefined) {
    errors.push({
      field: 'practiceTransfer',
      message: 'a practice transfer names the best practice, the city it comes from and the city adopting it',
    });
  }
  if (transfer !== undefined && transfer.sourceCityId === transfer.adoptingCityId) {
    errors.push({
      field: 'practiceTransfer.adoptingCityId',
      message: 'the adopting city must differ from the source city',
    });
  }
  return errors;
}
