import { officerOf, refusal, secretariat, setup } from '../../../test/support/partnership-unit-fixtures';
import { PartnershipErrorCode } from '../partnership.errors';
import { DeclinePartnership } from './decline-partnership.usecase';

describe(DeclinePartnership.name, () => {
  it('ends the proposal when an invited city declines, with its reason', async () => {
    const { decline, proposed, kyoto, store, outbox } = setup();
    const proposal = await proposed();
    const officer = officerOf(kyoto.cityId);
    const state = await decline.execute(officer, proposal.id, { cityId: kyoto.cityId, reason: 'no budget' });
    expect(state).toMatchObject({ status: 'declined', version: 2 });
    expect(outbox.ofType('c2c.partnership.declined.v1')).toEqual([
      expect.objectContaining({ cityId: kyoto.cityId, reason: 'no budget', actorId: officer.userId }),
    ]);
    expect(store.history.at(-1)).toMatchObject({
      action: 'declined',
      fromStatus: 'proposed',
      reason: 'no budget',
    });
  });

  it('refuses the proposer, who withdraws instead, naming the field', async () => {
    const { decline, proposed, hue } = setup();
    const proposal = await proposed();
    const error = await refusal(decline.execute(secretariat(), proposal.id, { cityId: hue.cityId }));
    expect(error).toMatchObject({ kind: 'invalid', details: { fields: [{ field: 'cityId' }] } });
  });

  it('refuses an officer of another city, and an active partnership', async () => {
    const { decline, proposed, active, hue, kyoto, busan } = setup();
    const proposal = await proposed();
    const other = await refusal(
      decline.execute(officerOf(hue.cityId), proposal.id, { cityId: kyoto.cityId }),
    );
    expect(other.code).toBe(PartnershipErrorCode.Forbidden);
    const running = await active(hue, [busan]);
    const late = await refusal(decline.execute(secretariat(), running.id, { cityId: busan.cityId }));
    expect(late).toMatchObject({ code: PartnershipErrorCode.InvalidTransition, currentStatus: 'active' });
  });

  it('refuses a stale expected version', async () => {
    const { decline, proposed, kyoto } = setup();
    const proposal = await proposed();
    const error = await refusal(decline.execute(secretariat(), proposal.id, { cityId: kyoto.cityId }, 0));
    expect(error).toMatchObject({ kind: 'version-mismatch', details: { currentVersion: 1 } });
  });
});
