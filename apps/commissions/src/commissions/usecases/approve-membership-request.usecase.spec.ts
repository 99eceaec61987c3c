import {
  cityOfficer,
  commissionOfficer,
  FIRST,
  refusal,
  SECOND,
  setup,
} from '../../../test/support/commission-unit-fixtures';
import { CommissionErrorCode } from '../commission.errors';
import { ApproveMembershipRequest } from './approve-membership-request.usecase';

describe(ApproveMembershipRequest.name, () => {
  it('admits the city as a member from today by an officer of that commission, and writes member-admitted', async () => {
    const { approve, applied, hue, outbox, state } = setup();
    const request = await applied(FIRST, hue.cityId);
    const officer = commissionOfficer(FIRST);
    const { request: approved, membership } = await approve.execute(officer, FIRST, request.id, 1);
    expect(approved).toMatchObject({ status: 'approved', decidedBy: officer.userId, version: 2 });
    expect(membership).toMatchObject({
      cityId: hue.cityId,
      role: 'member',
      since: '2026-06-02',
      status: 'active',
    });
    expect(state.viewOf(FIRST)?.memberCount).toBe(1);
    expect(outbox.ofType('c2c.commission.member-admitted.v1')).toEqual([
      {
        commissionId: FIRST,
        requestId: request.id,
        cityId: hue.cityId,
        role: 'member',
        since: '2026-06-02',
        decidedBy: officer.userId,
      },
    ]);
  });

  it('refuses an officer of another commission and a city officer: forbidden, nothing changes', async () => {
    const { approve, applied, hue, state } = setup();
    const request = await applied(FIRST, hue.cityId);
    for (const caller of [commissionOfficer(SECOND), cityOfficer(hue.cityId)]) {
      expect((await refusal(approve.execute(caller, FIRST, request.id))).kind).toBe('forbidden');
    }
    expect(state.requests.get(request.id)?.status).toBe('pending');
  });

  it('approving twice is a conflict naming the current status; a stale version is a version mismatch', async () => {
    const { approve, applied, hue, kyoto } = setup();
    const request = await applied(FIRST, hue.cityId);
    await approve.execute(commissionOfficer(FIRST), FIRST, request.id);
    const twice = await refusal(approve.execute(commissionOfficer(FIRST), FIRST, request.id));
    expect(twice).toMatchObject({ code: CommissionErrorCode.RequestDecided, kind: 'conflict' });
    expect(twice.details.extensions).toEqual({ currentStatus: 'approved' });
    const other = await applied(FIRST, kyoto.cityId);
    expect((await refusal(approve.execute(commissionOfficer(FIRST), FIRST, other.id, 7))).kind).toBe(
      'version-mismatch',
    );
  });

  it('a request is found only under its own commission', async () => {
    const { approve, applied, hue } = setup();
    const request = await applied(FIRST, hue.cityId);
    expect((await refusal(approve.execute(commissionOfficer(SECOND), SECOND, request.id))).kind).toBe(
      'not-found',
    );
  });

  it('refuses a city that stopped being an AMF member while its request waited', async () => {
    const { approve, applied, hue, state } = setup();
    const request = await applied(FIRST, hue.cityId);
    state.cities.set(hue.cityId, { ...hue, membershipStatus: 'non-member' });
    expect((await refusal(approve.execute(commissionOfficer(FIRST), FIRST, request.id))).kind).toBe(
      'unprocessable',
    );
  });
});
