import {
  cityOfficer,
  commissionOfficer,
  FIRST,
  meetingSetup,
  observer,
  refusal,
  SECOND,
  KNOWN_CITY,
  OTHER_KNOWN_CITY,
} from '../../../test/support/meeting-unit-fixtures';
import { ChangeActionStatus } from './change-action-status.usecase';

const OWNER = KNOWN_CITY;
const OTHER_CITY = OTHER_KNOWN_CITY;

describe(ChangeActionStatus.name, () => {
  it("the owner city's officer moves it along; action-status-changed names both statuses and who", async () => {
    const { changeStatus, adopted, outbox } = meetingSetup();
    const resolution = await adopted(FIRST, OWNER);
    const action = resolution.actions[0];
    if (action === undefined) throw new Error('no action adopted');
    const officer = cityOfficer(OWNER);
    const changed = await changeStatus.execute(officer, FIRST, resolution.id, action.id, 'in-progress', 1);
    expect(changed).toMatchObject({ status: 'in-progress', version: 2 });
    expect(outbox.ofType('c2c.commission.action-status-changed.v1')).toEqual([
      {
        commissionId: FIRST,
        resolutionId: resolution.id,
        actionId: action.id,
        ownerCityId: OWNER,
        previousStatus: 'open',
        status: 'in-progress',
        changedBy: officer.userId,
      },
    ]);
    // The same status again: nothing changes, nothing is written.
    expect(await changeStatus.execute(officer, FIRST, resolution.id, action.id, 'in-progress')).toMatchObject(
      {
        version: 2,
      },
    );
    expect(outbox.ofType('c2c.commission.action-status-changed.v1')).toHaveLength(1);
  });

  it('a commission officer may too; another city, another commission and an observer may not; done ends it', async () => {
    const { changeStatus, adopted } = meetingSetup();
    const resolution = await adopted(FIRST, OWNER);
    const actionId = resolution.actions[0]?.id ?? '';
    for (const caller of [cityOfficer(OTHER_CITY), commissionOfficer(SECOND), observer()]) {
      expect((await refusal(changeStatus.execute(caller, FIRST, resolution.id, actionId, 'done'))).kind).toBe(
        'forbidden',
      );
    }
    expect(
      (
        await refusal(
          changeStatus.execute(commissionOfficer(FIRST), FIRST, resolution.id, actionId, 'done', 5),
        )
      ).kind,
    ).toBe('version-mismatch');
    await changeStatus.execute(commissionOfficer(FIRST), FIRST, resolution.id, actionId, 'done', 1);
    expect(
      await refusal(changeStatus.execute(commissionOfficer(FIRST), FIRST, resolution.id, actionId, 'open')),
    ).toMatchObject({ kind: 'conflict', code: 'action-ended' });
    expect(
      (
        await refusal(
          changeStatus.execute(commissionOfficer(SECOND), SECOND, resolution.id, actionId, 'open'),
        )
      ).kind,
    ).toBe('not-found');
  });
});
