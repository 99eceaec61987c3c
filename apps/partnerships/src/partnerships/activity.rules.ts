import type { FieldError } from '@c2c/platform';
import type { ActivityInput } from './partnership.types';

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
