import { officerOf, refusal, setup } from '../../../test/support/partnership-unit-fixtures';
import { PartnershipErrorCode } from '../partnership.errors';
import { ProposePartnership } from './propose-partnership.usecase';

describe(ProposePartnership.name, () => {
  it('records the proposal at version 1, the proposer accepted, with one proposed change by the officer', async () => {
    const { propose, command, hue, store, outbox, clock } = setup();
    const user = officerOf(hue.cityId);
    const state = await propose.execute(user, command());
    const now = clock.now();
    expect(state).toMatchObject({
      status: 'proposed',
      proposerCityId: hue.cityId,
      createdAt: now,
      version: 1,
    });
    expect(state.participants.map((p) => [p.name, p.role, p.acceptedAt])).toEqual([
      ['Hue', 'proposer', now],
      ['Kyoto', 'partner', null],
    ]);
    expect(store.rows.get(state.id)).toEqual(state);
    expect(store.history.map((h) => [h.action, h.actorId, h.cityId])).toEqual([
      ['proposed', user.userId, hue.cityId],
    ]);
    expect(outbox.events.map((e) => [e.type, e.aggregateId])).toEqual([
      ['c2c.partnership.proposed.v1', state.id],
    ]);
  });

  it('refuses an officer proposing for another city, recording nothing', async () => {
    const { propose, command, kyoto, store } = setup();
    const error = await refusal(propose.execute(officerOf(kyoto.cityId), command()));
    expect(error).toMatchObject({ code: PartnershipErrorCode.Forbidden, kind: 'forbidden' });
    expect(store.rows.size).toBe(0);
  });

  it('refuses a proposal within one country, naming the field, recording nothing', async () => {
    const { propose, command, kyoto, nara, store, outbox } = setup();
    const error = await refusal(
      propose.execute(
        officerOf(kyoto.cityId),
        command({ proposerCityId: kyoto.cityId, participantCityIds: [nara.cityId] }),
      ),
    );
    expect(error).toMatchObject({ kind: 'invalid', details: { fields: [{ field: 'participantCityIds' }] } });
    expect(store.rows.size).toBe(0);
    expect(outbox.events).toEqual([]);
  });

  it('refuses an archived participant', async () => {
    const { propose, command, kyoto, archive, store } = setup();
    archive(kyoto);
    const error = await refusal(propose.execute(officerOf(command().proposerCityId), command()));
    expect(error.details.fields?.[0]?.message).toMatch(/archived/);
    expect(store.rows.size).toBe(0);
  });
});
