import { officerOf, refusal, secretariat, setup } from '../../../test/support/partnership-unit-fixtures';
import { PartnershipErrorCode } from '../partnership.errors';
import { AcceptPartnership } from './accept-partnership.usecase';

describe(AcceptPartnership.name, () => {
  it('records an acceptance by the officer of the city; the proposal stays proposed while others are missing', async () => {
    const { accept, proposed, hue, kyoto, busan, store, outbox, clock } = setup();
    const proposal = await proposed(hue, [kyoto, busan]);
    const officer = officerOf(kyoto.cityId);
    const state = await accept.execute(officer, proposal.id, kyoto.cityId);
    expect(state).toMatchObject({ status: 'proposed', version: 2 });
    expect(state.participants.find((p) => p.cityId === kyoto.cityId)?.acceptedAt).toEqual(clock.now());
    expect(outbox.events.map((e) => e.type)).toEqual(['c2c.partnership.accepted.v1']);
    expect(store.history.at(-1)).toMatchObject({
      action: 'accepted',
      actorId: officer.userId,
      cityId: kyoto.cityId,
    });
  });

  it('activates with the last acceptance: accepted, then activated, in one version', async () => {
    const { accept, proposed, kyoto, outbox, clock } = setup();
    const proposal = await proposed();
    const state = await accept.execute(secretariat(), proposal.id, kyoto.cityId, 1);
    expect(state).toMatchObject({ status: 'active', activatedAt: clock.now(), version: 2 });
    expect(outbox.events.map((e) => e.type)).toEqual([
      'c2c.partnership.accepted.v1',
      'c2c.partnership.activated.v1',
    ]);
  });

  it('refuses an officer accepting for another city before loading anything', async () => {
    const { accept, proposed, hue, kyoto, store } = setup();
    const proposal = await proposed();
    const error = await refusal(accept.execute(officerOf(hue.cityId), proposal.id, kyoto.cityId));
    expect(error.code).toBe(PartnershipErrorCode.Forbidden);
    expect(store.rows.get(proposal.id)?.version).toBe(1);
  });

  it('refuses a stale expected version with the current one', async () => {
    const { accept, proposed, kyoto, outbox } = setup();
    const proposal = await proposed();
    const error = await refusal(accept.execute(secretariat(), proposal.id, kyoto.cityId, 7));
    expect(error).toMatchObject({ kind: 'version-mismatch', details: { currentVersion: 1 } });
    expect(outbox.events).toEqual([]);
  });

  it('refuses a second acceptance (409 with the current status) and an unknown partnership (404)', async () => {
    const { accept, proposed, hue, kyoto, busan } = setup();
    const proposal = await proposed(hue, [kyoto, busan]);
    await accept.execute(secretariat(), proposal.id, kyoto.cityId);
    const twice = await refusal(accept.execute(secretariat(), proposal.id, kyoto.cityId));
    expect(twice).toMatchObject({
      code: PartnershipErrorCode.Conflict,
      kind: 'conflict',
      currentStatus: 'proposed',
    });
    const missing = await refusal(
      accept.execute(secretariat(), '00000000-0000-4000-8000-000000000000', kyoto.cityId),
    );
    expect(missing.kind).toBe('not-found');
  });

  it('refuses to accept a proposal naming an archived city, recording nothing', async () => {
    const { accept, proposed, kyoto, archive, store, outbox } = setup();
    const proposal = await proposed();
    archive(kyoto);
    const error = await refusal(accept.execute(secretariat(), proposal.id, kyoto.cityId));
    expect(error.message).toMatch(/archived participant/);
    // The last acceptance would have activated it; the refusal names the status it stays in.
    expect(error.currentStatus).toBe('proposed');
    expect(store.rows.get(proposal.id)?.status).toBe('proposed');
    expect(outbox.events).toEqual([]);
  });
});
