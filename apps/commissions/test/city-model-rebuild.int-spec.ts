import { ServiceWorld } from '@c2c/service/testing';
import { CityModelRepository } from '@c2c/city-model';
import { runCityModelRebuildScript } from '@c2c/city-model/testing';
import { citiesKnown, CityPublisher, startCommissions, type Commissions } from './support/commissions';

// The rebuild itself is the shared library's, proven in depth by the partnerships tests; this proves
// the commissions service's own script reaches its own schema and topics.
describe("commissions: the city model's rebuild script", () => {
  let world: ServiceWorld;
  let app: Commissions;

  beforeAll(async () => {
    world = await ServiceWorld.create('c-rebuild');
    app = await startCommissions(world);
    const cities = await CityPublisher.open(world);
    const ids = [
      await cities.register({ name: 'Hue', countryCode: 'VN' }),
      await cities.register({ name: 'Kyoto', countryCode: 'JP' }),
    ];
    await citiesKnown(app, ids);
    await world.sql(`update commissions.cities set name = 'Wrong' where city_id = $1`, [ids[0]]);
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  it('repairs a drifted model (exit 1 with --check), then finds nothing to repair (exit 0)', async () => {
    const script = 'apps/commissions/scripts/rebuild-city-model.ts';
    const drifted = await runCityModelRebuildScript(app, script, '--check');
    expect(drifted.output).toContain('city model rebuilt: 2 cities, 1 difference(s)');
    expect(drifted.code).toBe(1);
    const clean = await runCityModelRebuildScript(app, script, '--check');
    expect(clean.output).toContain('0 difference(s)');
    expect(clean.code).toBe(0);
    expect((await app.get(CityModelRepository).all()).map((c) => c.name).sort()).toEqual(['Hue', 'Kyoto']);
  }, 60_000);
});
