import {
  cityOfficer,
  commissionOfficer,
  FIRST,
  practiceContent,
  practiceSetup,
  refusal,
  SECOND,
  secretariat,
} from '../../../test/support/practice-unit-fixtures';
import { PublishBestPractice } from './publish-best-practice.usecase';
import { ReturnBestPractice } from './return-best-practice.usecase';

function withSubmitted() {
  const world = practiceSetup();
  const submitted = () =>
    world.submit.execute(secretariat(), { cityId: world.kitakyushu.cityId, ...practiceContent() });
  return { ...world, submitted };
}

describe(`${PublishBestPractice.name} and ${ReturnBestPractice.name}`, () => {
  it("publishes for the officer's only commission and writes best-practice.published with it", async () => {
    const { publish, outbox, submitted, clock } = withSubmitted();
    const practice = await submitted();
    const published = await publish.execute(commissionOfficer(FIRST), practice.id, undefined, 1);
    expect(published).toMatchObject({ status: 'published', version: 2, reviewCommissionId: FIRST });
    expect(outbox.ofType('c2c.best-practice.published.v1')).toEqual([
      expect.objectContaining({
        practiceId: practice.id,
        commissionId: FIRST,
        publishedAt: clock.now().toISOString(),
      }),
    ]);
  });

  it('has the secretariat publish for no commission: the event has no commissionId', async () => {
    const { publish, outbox, submitted } = withSubmitted();
    await publish.execute(secretariat(), (await submitted()).id, undefined);
    expect(outbox.ofType('c2c.best-practice.published.v1')[0]).not.toHaveProperty('commissionId');
  });

  it('asks an officer of several commissions which one, and refuses one it is not an officer of', async () => {
    const { publish, submitted } = withSubmitted();
    const practice = await submitted();
    const unnamed = await refusal(publish.execute(commissionOfficer(FIRST, SECOND), practice.id, undefined));
    expect(unnamed.kind).toBe('invalid');
    expect(unnamed.details.fields?.map((f) => f.field)).toEqual(['commissionId']);
    const foreign = await refusal(publish.execute(commissionOfficer(SECOND), practice.id, FIRST));
    expect(foreign.kind).toBe('forbidden');
  });

  it('returns with comments, and then neither publishes nor returns it again (409 with its status)', async () => {
    const { publish, returnIt, outbox, submitted } = withSubmitted();
    const practice = await submitted();
    const returned = await returnIt.execute(secretariat(), practice.id, { comments: 'Add the figures.' });
    expect(returned).toMatchObject({ status: 'returned', comments: 'Add the figures.', version: 2 });
    expect(outbox.ofType('c2c.best-practice.returned.v1')).toEqual([
      expect.objectContaining({ practiceId: practice.id, comments: 'Add the figures.' }),
    ]);
    for (const again of [
      publish.execute(secretariat(), practice.id, undefined),
      returnIt.execute(secretariat(), practice.id, { comments: 'Again.' }),
    ]) {
      const error = await refusal(again);
      expect(error).toMatchObject({ kind: 'conflict', code: 'best-practice-not-submitted' });
      expect(error.details.extensions).toEqual({ currentStatus: 'returned' });
    }
  });

  it('refuses a stale version with 412 and an unknown practice with 404', async () => {
    const { publish, submitted } = withSubmitted();
    const practice = await submitted();
    expect((await refusal(publish.execute(secretariat(), practice.id, undefined, 7))).kind).toBe(
      'version-mismatch',
    );
    const unknown = '4c1e9c5a-8f0e-4d55-b1a2-7f3a2b9c0d11';
    expect((await refusal(publish.execute(secretariat(), unknown, undefined))).kind).toBe('not-found');
  });

  it("refuses a city officer, even its own city's (the routes admit reviewers only; the rule holds anyway)", async () => {
    const { publish, submitted, kitakyushu } = withSubmitted();
    const practice = await submitted();
    const error = await refusal(publish.execute(cityOfficer(kitakyushu.cityId), practice.id, undefined));
    expect(error.kind).toBe('forbidden');
  });

  it('refuses a review for a commission that does not exist, naming commissionId (400)', async () => {
    const { publish, submitted } = withSubmitted();
    const practice = await submitted();
    const error = await refusal(
      publish.execute(secretariat(), practice.id, 'c0000000-0000-4000-8000-000000000009'),
    );
    expect(error.kind).toBe('invalid');
    expect(error.details.fields?.map((f) => f.field)).toEqual(['commissionId']);
  });
});
