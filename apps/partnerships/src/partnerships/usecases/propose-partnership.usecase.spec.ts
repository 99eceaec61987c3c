import { fakeTransactions } from '@c2c/service/testing';
import { officerOf, refusal, setup } from '../../../test/support/partnership-unit-fixtures';
import { PartnershipChangesRecorder } from '../partnership-changes.recorder';
import { PartnershipErrorCode } from '../partnership.errors';
import type { OpenProposalStore } from './ports';
import { ProposePartnership } from './propose-partnership.usecase';

/** The use case with an open-proposal limit, counting from the fake store's rows. */
function withLimit(world: ReturnType<typeof setup>, maxOpenPerCity: number): ProposePartnership {
  const openProposals: OpenProposalStore = {
    countOpenProposalsOf: (_tx, cityId) =>
      Promise.resolve(
        [...world.store.rows.values()].filter((s) => s.proposerCityId === cityId && s.status === 'proposed')
          .length,
      ),
  };
  const changes = new PartnershipChangesRecorder(world.store, world.outbox);
  return new ProposePartnership(fakeTransactions, world.cities, changes, world.clock, openProposals, {
    maxOpenPerCity,
  });
}

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

  it('refuses a city its proposal beyond the open-proposal limit with a conflict naming the limit', async () => {
    const world = setup();
    const propose = withLimit(world, 2);
    const user = officerOf(world.hue.cityId);
    await propose.execute(user, world.command());
    await propose.execute(user, world.command());
    const error = await refusal(propose.execute(user, world.command()));
    expect(error).toMatchObject({
      code: PartnershipErrorCode.TooManyOpenProposals,
      kind: 'conflict',
      details: { extensions: { limit: 2, cityId: world.hue.cityId } },
    });
    expect(world.store.rows.size).toBe(2);
    const fromKyoto = world.command({
      proposerCityId: world.kyoto.cityId,
      participantCityIds: [world.hue.cityId],
    });
    await expect(propose.execute(officerOf(world.kyoto.cityId), fromKyoto)).resolves.toMatchObject({
      status: 'proposed',
    });
  });

  it('refuses a signatory signing for a city outside the proposal, naming the field', async () => {
    const world = setup();
    const command = world.command({
      agreement: { signatories: [{ name: 'Someone', cityId: world.busan.cityId }] },
    });
    const error = await refusal(withLimit(world, 20).execute(officerOf(world.hue.cityId), command));
    expect(error).toMatchObject({ code: PartnershipErrorCode.NotParticipant, kind: 'unprocessable' });
    expect(error.details.extensions?.errors).toEqual([
      expect.objectContaining({ field: 'agreement.signatories.0.cityId', cityIds: [world.busan.cityId] }),
    ]);
    expect(world.store.rows.size).toBe(0);
  });
});
