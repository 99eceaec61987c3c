import { ServiceWorld } from '@c2c/service/testing';
import { eventually } from '@c2c/testing';
import { CityModelBootstrap, CityModelRebuild, CityModelRepository, CityRecord } from '@c2c/city-model';
import { runCityModelRebuildScript } from '@c2c/city-model/testing';
import { CityPublisher, Partnerships, startPartnerships } from './support/partnerships';

const SCRIPT = 'apps/partnerships/scripts/rebuild-city-model.ts';

describe('partnerships: the city read model is rebuilt from the topic', () => {
  let world: ServiceWorld;
  let app: Partnerships;
  let model: CityRecord[];
  let ids: string[];

  const current = () => app.get(CityModelRepository).all();

  beforeAll(async () => {
    world = await ServiceWorld.create('p-rebuild');
    app = await startPartnerships(world);
    const publisher = await CityPublisher.open(world);
    const cities = [
      ['Colombo', 'LK'],
      ['Kathmandu', 'NP'],
      ['Dhaka', 'BD'],
      ['Lahore', 'PK'],
      ['Tehran', 'IR'],
      ['Tashkent', 'UZ'],
    ] as const;
    ids = [];
    for (const [name, countryCode] of cities)
      ids.push(await publisher.register({ name, countryCode, membershipStatus: 'observer' }));
    await publisher.updateProfile(ids[0]!, {
      englishName: 'Colombo Municipal Council',
      level: 'metropolitan-city',
    });
    await publisher.changeMembership(ids[1]!, 'observer', 'member');
    await publisher.updateProfile(ids[2]!, { name: 'Dhaka North' });
    await publisher.archive(ids[3]!, 'Lahore', 'PK');
    await publisher.updateProfile(ids[2]!, { name: 'Dhaka North City' });
    await eventually(async () => {
      const records = await current();
      expect(records).toHaveLength(ids.length);
      expect(records.find((c) => c.cityId === ids[2])?.name).toBe('Dhaka North City');
      expect(records.find((c) => c.cityId === ids[3])?.archivedAt).not.toBeNull();
      expect(records.find((c) => c.cityId === ids[1])?.membershipStatus).toBe('member');
      expect(records.find((c) => c.cityId === ids[0])?.level).toBe('metropolitan-city');
    });
    model = await current();
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  it('gives the same model as the live consumer built', async () => {
    const report = await app.get(CityModelRebuild).run();
    expect(report).toEqual({ cities: ids.length, differences: [] });
    expect(await current()).toEqual(model);
  });

  it('repairs a model that drifted, and says what it repaired', async () => {
    await world.sql(`update partnerships.cities set name = 'Wrong' where city_id = $1`, [ids[4]]);
    await world.sql(`delete from partnerships.cities where city_id = $1`, [ids[5]]);
    const report = await app.get(CityModelRebuild).run();
    expect(
      report?.differences.map((d) => [d.cityId, d.before?.name ?? null, d.after?.name ?? null]).sort(),
    ).toEqual(
      [
        [ids[4], 'Wrong', 'Tehran'],
        [ids[5], null, 'Tashkent'],
      ].sort(),
    );
    expect(await current()).toEqual(model);
  });

  it('rebuilds at start when the model is empty but the consumer group has read the topic', async () => {
    await world.stop(app);
    await world.sql('delete from partnerships.cities');
    app = await startPartnerships(world);
    await app.get(CityModelBootstrap).settled();
    await eventually(async () => expect(await current()).toEqual(model));
  });

  it('rebuilds on demand from the command line, and --check fails only on a drifted model', async () => {
    await world.sql(`update partnerships.cities set country_code = 'XX' where city_id = $1`, [ids[0]]);
    const drifted = await runCityModelRebuildScript(app, SCRIPT, '--check');
    expect(drifted.output).toContain(`city model rebuilt: ${ids.length} cities, 1 difference(s)`);
    expect(drifted.code).toBe(1);
    const clean = await runCityModelRebuildScript(app, SCRIPT, '--check');
    expect(clean.output).toContain('0 difference(s)');
    expect(clean.code).toBe(0);
    expect(await current()).toEqual(model);
  }, 60_000);
});
