import {
  cityOfficer,
  practiceContent,
  practiceSetup,
  refusal,
  secretariat,
} from '../../../test/support/practice-unit-fixtures';
import { ReviseBestPractice } from './revise-best-practice.usecase';

describe(ReviseBestPractice.name, () => {
  it('resubmits a returned practice with its new content, keeping the comments for the reviewer', async () => {
    const { submit, returnIt, revise, outbox, kitakyushu } = practiceSetup();
    const officer = cityOfficer(kitakyushu.cityId);
    const practice = await submit.execute(officer, { cityId: kitakyushu.cityId, ...practiceContent() });
    await returnIt.execute(secretariat(), practice.id, { comments: 'Add the figures.' });
    const revised = await revise.execute(
      officer,
      practice.id,
      practiceContent({ results: 'Household waste fell by 20% (31,000 t a year).' }),
      2,
    );
    expect(revised).toMatchObject({
      status: 'submitted',
      version: 3,
      results: 'Household waste fell by 20% (31,000 t a year).',
      comments: 'Add the figures.',
    });
    expect(outbox.ofType('c2c.best-practice.submitted.v1')).toHaveLength(2);
  });

  it("refuses another city's officer (403) before telling it the version (412)", async () => {
    const { submit, revise, kitakyushu, surabaya } = practiceSetup();
    const practice = await submit.execute(secretariat(), { cityId: kitakyushu.cityId, ...practiceContent() });
    const foreign = await refusal(
      revise.execute(cityOfficer(surabaya.cityId), practice.id, practiceContent(), 9),
    );
    expect(foreign.kind).toBe('forbidden');
    const stale = await refusal(revise.execute(secretariat(), practice.id, practiceContent(), 9));
    expect(stale.kind).toBe('version-mismatch');
  });

  it('does not revise a published practice (409 best-practice-published)', async () => {
    const { submit, publish, revise, kitakyushu } = practiceSetup();
    const practice = await submit.execute(secretariat(), { cityId: kitakyushu.cityId, ...practiceContent() });
    await publish.execute(secretariat(), practice.id, undefined);
    const error = await refusal(revise.execute(secretariat(), practice.id, practiceContent(), 2));
    expect(error).toMatchObject({ kind: 'conflict', code: 'best-practice-published' });
  });
});
