import type { MembershipStatus } from '@c2c/contracts';
import type { ChangeCityMembershipCommand } from '../usecases/change-city-membership.usecase';
import { DayField, MembershipStatusField, TextField } from './city-fields';

/** `POST /cities/:id/membership`: the city's new standing in the AMF. */
export class ChangeMembershipDto implements ChangeCityMembershipCommand {
  @MembershipStatusField('required')
  membershipStatus!: MembershipStatus;

  // 'not-null': null says nothing leaving the field out does not, and the event carries no null
  // (a null reason was a 500 the fuzzer found).
  @DayField('not-null', 'Day the new status takes effect; defaults to today.')
  changedOn?: string;

  @TextField('not-null', 1000, 'Why, e.g. the decision that admitted the city.')
  reason?: string;
}
