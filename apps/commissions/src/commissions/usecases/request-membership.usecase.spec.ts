import {
  cityOfficer,
  commissionOfficer,
  FIRST,
  observer,
  refusal,
  SECOND,
  setup,
} from '../../../test/support/commission-unit-fixtures';
import { CommissionErrorCode } from '../commission.errors';
import { RequestMembership } from './request-membership.usecase';

const motivation = 'To share our experience.';

describe(RequestMembership.name, () => {
  it("records a pending request of the city's own officer and writes membership-requested, keyed by commission", async () => {
    const { requestMembership, hue, outbox } = setup();
    const officer = cityOfficer(hue.cityId);
    const request = await requestMembership.execute(officer, FIRST, { cityId: hue.cityId, motivation });
    expect(request).toMatchObject({
      status: 'pending',
      cityId: hue.cityId,
      version: 1,
      requestedBy: officer.userId,
    });
    expect(outbox.events).toEqual([
      expect.objectContaining({ type: 'c2c.commission.membership-requested.v1', aggregateId: FIRST }),
    ]);
    expect(outbox.ofType('c2c.commission.membership-requested.v1')[0]).toMatchObject({
      requestId: request.id,
      motivation,
      actorId: officer.userId,
      requestedAt: '2026-06-02T09:00:00.000Z',
    });
  });

  it('refuses a city officer applying for another city, an observer and a commission officer: forbidden', async () => {
    const { requestMembership, hue, kyoto } = setup();
    for (const caller of [cityOfficer(kyoto.cityId), observer(), commissionOfficer(FIRST)]) {
      const error = await refusal(
        requestMembership.execute(caller, FIRST, { cityId: hue.cityId, motivation }),
      );
      expect(error.kind).toBe('forbidden');
    }
  });

  it('refuses an unknown, archived or non-member city as unprocessable (422) and writes nothing', async () => {
    const { requestMembership, state, outbox } = setup();
    const archived = state.city('Old town', { archivedAt: '2026-01-01T00:00:00.000Z' });
    const observerCity = state.city('Tashkent', { membershipStatus: 'observer' });
    for (const cityId of [archived.cityId, observerCity.cityId, '00000000-0000-4000-8000-000000000042']) {
      const error = await refusal(
        requestMembership.execute(cityOfficer(cityId), FIRST, { cityId, motivation }),
      );
      expect(error).toMatchObject({ code: CommissionErrorCode.CityNotEligible, kind: 'unprocessable' });
    }
    expect(outbox.events).toEqual([]);
  });

  it('never an applicant twice, never as a member: conflicts; other commissions stay open', async () => {
    const { requestMembership, applied, admitted, hue, kyoto } = setup();
    const pending = await applied(FIRST, hue.cityId);
    const twice = await refusal(applied(FIRST, hue.cityId));
    expect(twice).toMatchObject({ code: CommissionErrorCode.AlreadyApplied, kind: 'conflict' });
    expect(twice.details.extensions).toMatchObject({ pendingRequestId: pending.id });
    await admitted(FIRST, kyoto.cityId);
    expect(await refusal(applied(FIRST, kyoto.cityId))).toMatchObject({
      code: CommissionErrorCode.AlreadyMember,
    });
    await expect(
      requestMembership.execute(cityOfficer(kyoto.cityId), SECOND, { cityId: kyoto.cityId, motivation }),
    ).resolves.toMatchObject({ status: 'pending' });
  });

  it('refuses a commission that does not exist: not found', async () => {
    const { applied, hue } = setup();
    expect((await refusal(applied('00000000-0000-4000-8000-000000000009', hue.cityId))).kind).toBe(
      'not-found',
    );
  });
});
