import {
  cityOfficer,
  commissionOfficer,
  FIRST,
  observer,
  practiceContent,
  practiceSetup,
  refusal,
  secretariat,
} from '../../../test/support/practice-unit-fixtures';
import { SubmitBestPractice } from './submit-best-practice.usecase';

describe(SubmitBestPractice.name, () => {
  it("submits an officer's practice for their city at version 1 and writes best-practice.submitted", async () => {
    const { submit, outbox, kitakyushu } = practiceSetup();
    const practice = await submit.execute(cityOfficer(kitakyushu.cityId), {
      cityId: kitakyushu.cityId,
      ...practiceContent(),
    });
    expect(practice).toMatchObject({ status: 'submitted', version: 1, cityId: kitakyushu.cityId });
    expect(outbox.ofType('c2c.best-practice.submitted.v1')).toEqual([
      {
        practiceId: practice.id,
        cityId: kitakyushu.cityId,
        title: 'Takakura home composting',
        challenges: ['environment', 'urbanization'],
        sdgs: [11, 12],
        cooperationAreas: ['environment-and-climate'],
      },
    ]);
  });

  it('refuses a city officer submitting for another city, a commission officer and an observer', async () => {
    const { submit, outbox, kitakyushu, surabaya } = practiceSetup();
    for (const caller of [cityOfficer(surabaya.cityId), commissionOfficer(FIRST), observer()]) {
      const error = await refusal(
        submit.execute(caller, { cityId: kitakyushu.cityId, ...practiceContent() }),
      );
      expect(error.kind).toBe('forbidden');
    }
    expect(outbox.events).toEqual([]);
  });

  it('refuses a city the service does not know, and an archived one, as 422 city-unknown', async () => {
    const { submit, state } = practiceSetup();
    const archived = state.city('Old Town', { archivedAt: '2026-01-01T00:00:00.000Z' });
    for (const cityId of ['0b7f2c4e-1d7a-4a53-9a4f-3f9f6c1f0c11', archived.cityId]) {
      const error = await refusal(submit.execute(secretariat(), { cityId, ...practiceContent() }));
      expect(error).toMatchObject({ kind: 'unprocessable', code: 'city-unknown' });
    }
  });
});
