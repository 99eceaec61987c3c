import { cityUseCases, failure, secretariat } from '../../../test/support/fake-city-ports';
import { CityErrorCode } from '../cities.errors';
import { FindCities } from './find-cities.query';

describe(FindCities.name, () => {
  it('pages in name order and folds the search text like the names', async () => {
    const { register, find } = cityUseCases();
    for (const name of ['Shiraz', 'Ha Noi', 'Tabriz', 'Mashhad']) {
      await register.execute(secretariat, { name, countryCode: 'IR', level: 'municipality' });
    }
    const first = await find.page({ includeArchived: false }, 3);
    expect(first.items.map((c) => c.name)).toEqual(['Ha Noi', 'Mashhad', 'Shiraz']);
    expect(first.nextCursor).not.toBeNull();
    const last = await find.page({ includeArchived: false }, 3, { name: 'Shiraz', id: first.items[2]!.id });
    expect(last).toMatchObject({ items: [expect.objectContaining({ name: 'Tabriz' })], nextCursor: null });
    expect((await find.page({ includeArchived: false, text: 'HÀ  NOI' }, 3)).items).toHaveLength(1);
  });

  it('reports a missing city', async () => {
    const { find } = cityUseCases();
    const error = await failure(find.byId('00000000-0000-4000-8000-000000000000'));
    expect(error).toMatchObject({ code: CityErrorCode.NotFound, kind: 'not-found' });
  });
});
