import { FakeOutbox, fakeTransactions } from '@c2c/service/testing';
import { FixedClock } from '@c2c/platform';
import { COMMISSION_IDS } from '../../src/commissions/commission';
import { ApproveMembershipRequest } from '../../src/commissions/usecases/approve-membership-request.usecase';
import { EndMembershipsOfArchivedCity } from '../../src/commissions/usecases/end-memberships-of-archived-city.usecase';
import { LeaveCommission } from '../../src/commissions/usecases/leave-commission.usecase';
import { RejectMembershipRequest } from '../../src/commissions/usecases/reject-membership-request.usecase';
import { RequestMembership } from '../../src/commissions/usecases/request-membership.usecase';
import { UpdateCommission } from '../../src/commissions/usecases/update-commission.usecase';
import { FakeCommissionState, portsOf, secretariat } from './fake-commission-ports';

export * from './fake-commission-ports';

export const [FIRST, SECOND, THIRD] = [COMMISSION_IDS[1], COMMISSION_IDS[2], COMMISSION_IDS[3]];

// The unit tier's world for commission use cases: every use case wired to the same fakes and a fixed
// clock, and helpers that bring a city to a state through the use cases themselves.
export function setup(now = new Date('2026-06-02T09:00:00Z')) {
  const clock = new FixedClock(now);
  const state = new FakeCommissionState(now);
  const outbox = new FakeOutbox();
  const { commissions, memberships, requests, cities } = portsOf(state);
  const requestMembership = new RequestMembership(
    fakeTransactions,
    commissions,
    memberships,
    requests,
    cities,
    outbox,
    clock,
  );
  const approve = new ApproveMembershipRequest(
    fakeTransactions,
    commissions,
    memberships,
    requests,
    cities,
    outbox,
    clock,
  );
  const reject = new RejectMembershipRequest(fakeTransactions, commissions, requests, outbox, clock);
  const leave = new LeaveCommission(fakeTransactions, commissions, memberships, outbox, clock);
  const update = new UpdateCommission(fakeTransactions, commissions, memberships, outbox, clock);
  const endOfArchivedCity = new EndMembershipsOfArchivedCity(
    commissions,
    memberships,
    requests,
    outbox,
    clock,
  );
  const [hue, kyoto, busan] = [state.city('Hue'), state.city('Kyoto'), state.city('Busan')];

  const applied = (commissionId: string, cityId: string) =>
    requestMembership.execute(secretariat(), commissionId, { cityId, motivation: 'To learn from peers.' });
  const admitted = async (commissionId: string, cityId: string) => {
    const request = await applied(commissionId, cityId);
    return (await approve.execute(secretariat(), commissionId, request.id)).membership;
  };

  return {
    clock,
    state,
    outbox,
    requestMembership,
    approve,
    reject,
    leave,
    update,
    endOfArchivedCity,
    hue,
    kyoto,
    busan,
    applied,
    admitted,
  };
}
