import {
  commissionOfficer,
  FIRST,
  meetingSetup,
  observer,
  refusal,
  SECOND,
  KNOWN_CITY,
} from '../../../test/support/meeting-unit-fixtures';
import { AdoptResolution } from './adopt-resolution.usecase';

const OWNER = KNOWN_CITY;

describe(AdoptResolution.name, () => {
  it('adopts at a held meeting with open actions and writes resolution-adopted with them', async () => {
    const { adopt, held, outbox } = meetingSetup();
    const meeting = await held(FIRST);
    const resolution = await adopt.execute(commissionOfficer(FIRST), FIRST, {
      meetingId: meeting.id,
      kind: 'resolution',
      title: 'On composting',
      text: 'Resolved.',
      actions: [{ ownerCityId: OWNER, description: 'Workshop.', dueDate: '2027-03-31' }],
    });
    expect(resolution.actions).toEqual([
      expect.objectContaining({ ownerCityId: OWNER, status: 'open', position: 0, version: 1 }),
    ]);
    expect(outbox.ofType('c2c.commission.resolution-adopted.v1')).toEqual([
      {
        commissionId: FIRST,
        resolutionId: resolution.id,
        meetingId: meeting.id,
        kind: 'resolution',
        title: 'On composting',
        text: 'Resolved.',
        actions: [
          {
            actionId: resolution.actions[0]?.id,
            ownerCityId: OWNER,
            description: 'Workshop.',
            dueDate: '2027-03-31',
            status: 'open',
          },
        ],
      },
    ]);
  });

  it('adopting at a scheduled or cancelled meeting is a conflict; another commission’s meeting is unprocessable', async () => {
    const { adopt, scheduled, cancel, held, outbox } = meetingSetup();
    const input = (meetingId: string) => ({ meetingId, kind: 'declaration' as const, title: 'T', text: 'X' });
    const pending = await scheduled(FIRST);
    expect(await refusal(adopt.execute(commissionOfficer(FIRST), FIRST, input(pending.id)))).toMatchObject({
      kind: 'conflict',
      code: 'meeting-not-held',
    });
    await cancel.execute(commissionOfficer(FIRST), FIRST, pending.id, 'Typhoon');
    expect((await refusal(adopt.execute(commissionOfficer(FIRST), FIRST, input(pending.id)))).kind).toBe(
      'conflict',
    );
    const ofSecond = await held(SECOND);
    expect((await refusal(adopt.execute(commissionOfficer(FIRST), FIRST, input(ofSecond.id)))).kind).toBe(
      'unprocessable',
    );
    for (const caller of [commissionOfficer(SECOND), observer()]) {
      expect((await refusal(adopt.execute(caller, FIRST, input(ofSecond.id)))).kind).toBe('forbidden');
    }
    expect(outbox.ofType('c2c.commission.resolution-adopted.v1')).toEqual([]);
  });

  it('refuses an action owned by a city the service does not know, naming the action, and adopts nothing', async () => {
    const { adopt, held, outbox } = meetingSetup();
    const meeting = await held(FIRST);
    const unknown = '0b7f2c4e-1d7a-4a53-9a4f-3f9f6c1f0c11';
    const error = await refusal(
      adopt.execute(commissionOfficer(FIRST), FIRST, {
        meetingId: meeting.id,
        kind: 'resolution',
        title: 'R',
        text: 'T',
        actions: [
          { ownerCityId: KNOWN_CITY, description: 'A', dueDate: '2027-01-31' },
          { ownerCityId: unknown, description: 'B', dueDate: '2027-01-31' },
        ],
      }),
    );
    expect(error).toMatchObject({ kind: 'unprocessable', code: 'city-unknown' });
    expect(error.details.extensions?.errors).toEqual([
      { field: 'actions[1].ownerCityId', cityIds: [unknown], message: 'unknown or archived city' },
    ]);
    expect(outbox.ofType('c2c.commission.resolution-adopted.v1')).toEqual([]);
  });
});
