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
import { FindBestPractices } from './find-best-practices.query';

async function library() {
  const world = practiceSetup();
  const { submit, publish, clock, kitakyushu, surabaya } = world;
  const submitted = (cityId: string, overrides = {}) =>
    submit.execute(secretariat(), { cityId, ...practiceContent(overrides) });
  const published = await submitted(kitakyushu.cityId, { sdgs: [12] });
  await publish.execute(secretariat(), published.id, undefined);
  clock.advance(1000);
  const pending = await submitted(kitakyushu.cityId, { challenges: ['poverty-reduction'] });
  clock.advance(1000);
  const other = await submitted(surabaya.cityId, { cooperationAreas: ['health'], sdgs: [3] });
  await publish.execute(secretariat(), other.id, undefined);
  return { ...world, published, pending, other };
}

const ids = (page: { items: { id: string }[] }) => page.items.map((p) => p.id);

describe(FindBestPractices.name, () => {
  it('lists the published library by default, newest first, to every role', async () => {
    const { find, published, other } = await library();
    for (const caller of [observer(), cityOfficer(other.cityId), secretariat()]) {
      expect(ids(await find.page(caller, {}, 20))).toEqual([other.id, published.id]);
    }
  });

  it('filters by challenge, SDG, cooperation area and city', async () => {
    const { find, published, other, kitakyushu } = await library();
    expect(ids(await find.page(observer(), { sdg: 12 }, 20))).toEqual([published.id]);
    expect(ids(await find.page(observer(), { cooperationArea: 'health' }, 20))).toEqual([other.id]);
    expect(ids(await find.page(observer(), { challenge: 'environment' }, 20))).toEqual([
      other.id,
      published.id,
    ]);
    expect(ids(await find.page(observer(), { cityId: kitakyushu.cityId }, 20))).toEqual([published.id]);
  });

  it("shows unpublished practices to reviewers and to their own city's officers only", async () => {
    const { find, published, pending, kitakyushu, surabaya } = await library();
    const ofKitakyushu = { cityId: kitakyushu.cityId, status: 'all' as const };
    expect(ids(await find.page(cityOfficer(kitakyushu.cityId), ofKitakyushu, 20))).toEqual([
      pending.id,
      published.id,
    ]);
    expect(ids(await find.page(commissionOfficer(FIRST), { status: 'submitted' }, 20))).toEqual([pending.id]);
    // `all` narrows to what the caller may see; naming an unpublished status it may not see is 403.
    expect(ids(await find.page(cityOfficer(surabaya.cityId), ofKitakyushu, 20))).toEqual([published.id]);
    const error = await refusal(find.page(observer(), { status: 'submitted' }, 20));
    expect(error.kind).toBe('forbidden');
    expect((await refusal(find.one(observer(), pending.id))).kind).toBe('not-found');
    expect((await find.one(cityOfficer(kitakyushu.cityId), pending.id)).practice.id).toBe(pending.id);
  });

  it('pages with a cursor that resumes after the last practice of the page before', async () => {
    const { find, published, other } = await library();
    const first = await find.page(observer(), {}, 1);
    expect(ids(first)).toEqual([other.id]);
    const second = await find.page(observer(), {}, 1, first.nextCursor ?? undefined);
    expect(ids(second)).toEqual([published.id]);
    expect(second.nextCursor).toBeNull();
  });
});
