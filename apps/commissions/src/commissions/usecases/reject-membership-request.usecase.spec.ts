import {
  commissionOfficer,
  FIRST,
  observer,
  refusal,
  SECOND,
  setup,
} from '../../../test/support/commission-unit-fixtures';
import { RejectMembershipRequest } from './reject-membership-request.usecase';

describe(RejectMembershipRequest.name, () => {
  it('rejects with the reason and writes membership-rejected with who decided', async () => {
    const { reject, applied, hue, outbox, state } = setup();
    const request = await applied(FIRST, hue.cityId);
    const officer = commissionOfficer(FIRST);
    const rejected = await reject.execute(officer, FIRST, request.id, 'Apply again next mandate.');
    expect(rejected).toMatchObject({ status: 'rejected', reason: 'Apply again next mandate.', version: 2 });
    expect(state.viewOf(FIRST)?.memberCount).toBe(0);
    expect(outbox.ofType('c2c.commission.membership-rejected.v1')).toEqual([
      {
        commissionId: FIRST,
        requestId: request.id,
        cityId: hue.cityId,
        reason: 'Apply again next mandate.',
        decidedBy: officer.userId,
      },
    ]);
  });

  it('refuses an officer of another commission and an observer; a decided request is a conflict', async () => {
    const { reject, applied, hue } = setup();
    const request = await applied(FIRST, hue.cityId);
    for (const caller of [commissionOfficer(SECOND), observer()]) {
      expect((await refusal(reject.execute(caller, FIRST, request.id, 'no'))).kind).toBe('forbidden');
    }
    await reject.execute(commissionOfficer(FIRST), FIRST, request.id, 'no');
    expect((await refusal(reject.execute(commissionOfficer(FIRST), FIRST, request.id, 'no'))).kind).toBe(
      'conflict',
    );
  });
});
