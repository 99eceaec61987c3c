import { officerOf, refusal, secretariat, setup } from '../../../test/support/partnership-unit-fixtures';
import { PartnershipErrorCode } from '../partnership.errors';
import { ChangePartnershipStatus } from './change-partnership-status.usecase';

describe(ChangePartnershipStatus.name, () => {
  it('lets only the proposer withdraw a proposal, recorded for the proposing city', async () => {
    const { changeStatus, proposed, hue, kyoto, store, outbox } = setup();
    const proposal = await proposed();
    const byPartner = await refusal(
      changeStatus.execute(officerOf(kyoto.cityId), proposal.id, 'withdraw', 'x'),
    );
    expect(byPartner.code).toBe(PartnershipErrorCode.Forbidden);
    expect(outbox.events).toEqual([]);

    const state = await changeStatus.execute(officerOf(hue.cityId), proposal.id, 'withdraw', 'superseded');
    expect(state).toMatchObject({ status: 'withdrawn', version: 2 });
    expect(store.history.at(-1)).toMatchObject({
      action: 'withdrawn',
      cityId: hue.cityId,
      reason: 'superseded',
    });
    expect(outbox.ofType('c2c.partnership.withdrawn.v1')).toHaveLength(1);
  });

  it('lets the secretariat withdraw for the proposer', async () => {
    const { changeStatus, proposed, hue, store } = setup();
    const proposal = await proposed();
    await changeStatus.execute(secretariat(), proposal.id, 'withdraw', 'asked by the proposer');
    expect(store.history.at(-1)).toMatchObject({ action: 'withdrawn', cityId: hue.cityId });
  });

  it('suspends, resumes and terminates by an officer of any participant, each with its reason', async () => {
    const { changeStatus, active, hue, kyoto, outbox } = setup();
    const partnership = await active();
    expect(
      (await changeStatus.execute(officerOf(kyoto.cityId), partnership.id, 'suspend', 'elections')).status,
    ).toBe('suspended');
    expect(
      (await changeStatus.execute(officerOf(hue.cityId), partnership.id, 'resume', 'new council')).status,
    ).toBe('active');
    const ended = await changeStatus.execute(officerOf(kyoto.cityId), partnership.id, 'terminate', 'merged');
    expect(ended).toMatchObject({ status: 'terminated', version: partnership.version + 3 });
    expect(outbox.events.map((e) => e.type)).toEqual([
      'c2c.partnership.suspended.v1',
      'c2c.partnership.resumed.v1',
      'c2c.partnership.terminated.v1',
    ]);
  });

  it('refuses an officer of a city outside the partnership', async () => {
    const { changeStatus, active, busan } = setup();
    const partnership = await active();
    const error = await refusal(
      changeStatus.execute(officerOf(busan.cityId), partnership.id, 'suspend', 'not mine'),
    );
    expect(error.code).toBe(PartnershipErrorCode.Forbidden);
  });

  it('refuses to resume while a participant is archived, naming it, and records nothing', async () => {
    const { changeStatus, active, kyoto, archive, store, outbox } = setup();
    const partnership = await active();
    await changeStatus.execute(secretariat(), partnership.id, 'suspend', 'city archived');
    outbox.events.length = 0;
    archive(kyoto);
    const error = await refusal(changeStatus.execute(secretariat(), partnership.id, 'resume', 'try again'));
    expect(error.code).toBe(PartnershipErrorCode.Conflict);
    expect(error.currentStatus).toBe('suspended');
    expect(error.message).toMatch(/archived participant\(s\) Kyoto/);
    expect(store.rows.get(partnership.id)?.status).toBe('suspended');
    expect(outbox.events).toEqual([]);
  });

  it('refuses a transition the state does not allow, with the allowed ones', async () => {
    const { changeStatus, proposed } = setup();
    const proposal = await proposed();
    const error = await refusal(
      changeStatus.execute(secretariat(), proposal.id, 'resume', 'never suspended'),
    );
    expect(error).toMatchObject({
      code: PartnershipErrorCode.InvalidTransition,
      details: {
        extensions: { currentStatus: 'proposed', allowedTransitions: ['activate', 'decline', 'withdraw'] },
      },
    });
  });

  it('applies the change at the expected version and refuses a stale one', async () => {
    const { changeStatus, active } = setup();
    const partnership = await active();
    const suspended = await changeStatus.execute(
      secretariat(),
      partnership.id,
      'suspend',
      'x',
      partnership.version,
    );
    const stale = await refusal(
      changeStatus.execute(secretariat(), partnership.id, 'resume', 'y', partnership.version),
    );
    expect(stale).toMatchObject({ kind: 'version-mismatch', details: { currentVersion: suspended.version } });
  });
});
