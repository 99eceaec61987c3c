import { randomUUID } from 'node:crypto';
import { officerOf, refusal, secretariat, setup } from '../../../test/support/partnership-unit-fixtures';
import { PartnershipErrorCode } from '../partnership.errors';
import type { ActivityInput } from '../partnership.types';
import { RecordActivity } from './record-activity.usecase';

const visit = (cityIds: string[], overrides: Partial<ActivityInput> = {}): ActivityInput => ({
  kind: 'study-visit',
  title: 'Old town conservation visit',
  startDate: '2026-10-01',
  endDate: '2026-10-03',
  participatingCityIds: cityIds,
  ...overrides,
});

const transfer = (bestPracticeId: string, sourceCityId: string, adoptingCityId: string): ActivityInput =>
  visit([sourceCityId, adoptingCityId], {
    kind: 'practice-transfer',
    title: 'Composting, from Kyoto to Hue',
    practiceTransfer: { bestPracticeId, sourceCityId, adoptingCityId },
  });

describe(RecordActivity.name, () => {
  it('records the activity by a participant, clears dormancy and moves the last activity day', async () => {
    const { recordActivity, active, hue, kyoto, store, outbox, clock } = setup();
    const partnership = await active();
    store.given({ ...store.rows.get(partnership.id)!, dormantSince: '2026-03-01' });
    const officer = officerOf(kyoto.cityId);
    const { activity, partnership: after } = await recordActivity.execute(
      officer,
      partnership.id,
      visit([hue.cityId, kyoto.cityId]),
    );
    expect(after).toMatchObject({
      dormantSince: null,
      lastActivityOn: '2026-10-03',
      version: partnership.version + 1,
    });
    expect(store.activities).toEqual([
      { partnershipId: partnership.id, activity, recordedAt: clock.now(), recordedBy: officer.userId },
    ]);
    expect(outbox.ofType('c2c.partnership.activity-recorded.v1')).toEqual([
      expect.objectContaining({ activity }),
    ]);
    expect(store.history.at(-1)).toMatchObject({ action: 'activity-recorded', cityId: kyoto.cityId });
  });

  it('refuses an activity ending before it starts, or a practice transfer without its practice, before loading', async () => {
    const { recordActivity, hue } = setup();
    const error = await refusal(
      recordActivity.execute(
        secretariat(),
        '00000000-0000-4000-8000-000000000000',
        visit([hue.cityId], { kind: 'practice-transfer', endDate: '2026-09-30' }),
      ),
    );
    expect(error.details.fields?.map((f) => f.field)).toEqual(['endDate', 'practiceTransfer']);
  });

  it('refuses an officer of another city, a partnership that is not active, and a stale version', async () => {
    const { recordActivity, active, proposed, hue, busan } = setup();
    const partnership = await active();
    const outsider = await refusal(
      recordActivity.execute(officerOf(busan.cityId), partnership.id, visit([hue.cityId])),
    );
    expect(outsider.code).toBe(PartnershipErrorCode.Forbidden);
    const proposal = await proposed();
    const early = await refusal(recordActivity.execute(secretariat(), proposal.id, visit([hue.cityId])));
    expect(early).toMatchObject({ code: PartnershipErrorCode.InvalidTransition, currentStatus: 'proposed' });
    const stale = await refusal(
      recordActivity.execute(secretariat(), partnership.id, visit([hue.cityId]), 1),
    );
    expect(stale).toMatchObject({
      kind: 'version-mismatch',
      details: { currentVersion: partnership.version },
    });
  });

  it('records a practice transfer naming a practice published in the library', async () => {
    const { recordActivity, active, practice, hue, kyoto, store } = setup();
    const partnership = await active();
    const published = practice(kyoto);
    const { activity } = await recordActivity.execute(
      secretariat(),
      partnership.id,
      transfer(published.practiceId, kyoto.cityId, hue.cityId),
    );
    expect(activity.practiceTransfer).toEqual({
      bestPracticeId: published.practiceId,
      sourceCityId: kyoto.cityId,
      adoptingCityId: hue.cityId,
    });
    expect(store.activities).toHaveLength(1);
  });

  it.each([
    ['unknown to the library', undefined],
    ['submitted but not published', 'submitted'],
    ['returned to its city', 'returned'],
  ] as const)(
    'refuses a practice transfer naming a practice %s with a 422 naming the field; nothing is recorded',
    async (_case, status) => {
      const { recordActivity, active, practice, hue, kyoto, store, outbox } = setup();
      const partnership = await active();
      const practiceId = status === undefined ? randomUUID() : practice(kyoto, status).practiceId;
      const error = await refusal(
        recordActivity.execute(secretariat(), partnership.id, transfer(practiceId, kyoto.cityId, hue.cityId)),
      );
      expect(error).toMatchObject({
        code: PartnershipErrorCode.BestPracticeUnknown,
        kind: 'unprocessable',
        details: {
          extensions: {
            errors: [
              {
                field: 'practiceTransfer.bestPracticeId',
                bestPracticeId: practiceId,
                message: expect.any(String) as unknown,
              },
            ],
          },
        },
      });
      expect(store.activities).toEqual([]);
      expect(store.rows.get(partnership.id)?.version).toBe(partnership.version);
      expect(outbox.events).toEqual([]);
    },
  );

  it('answers a city outside the partnership before the practice it names', async () => {
    const { recordActivity, active, hue, busan } = setup();
    const partnership = await active();
    const error = await refusal(
      recordActivity.execute(secretariat(), partnership.id, transfer(randomUUID(), busan.cityId, hue.cityId)),
    );
    expect(error.code).toBe(PartnershipErrorCode.NotParticipant);
  });
});
