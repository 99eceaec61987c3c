import {
  commissionOfficer,
  FIRST,
  meetingSetup,
  observer,
  refusal,
  SECOND,
} from '../../../test/support/meeting-unit-fixtures';
import { AdoptResolution } from './adopt-resolution.usecase';

const OWNER = '5b0e8a52-95f5-4d8e-9a8f-0b6c1b7f7a11';

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
});
