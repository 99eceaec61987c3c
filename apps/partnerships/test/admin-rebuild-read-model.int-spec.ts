import { ServiceWorld } from '@c2c/service/testing';
import { citiesKnown, runCityModelRebuildScript } from '@c2c/city-model/testing';
import { CityPublisher, Partnerships, startPartnerships } from './support/partnerships';

/**
 * `npm run admin -- rebuild-read-model` is the operator's way to the service's own rebuild script:
 * the CLI runs it with the service's environment, shows progress and hands back its exit code.
 */
describe('partnerships: admin rebuild-read-model', () => {
  let world: ServiceWorld;
  let app: Partnerships;

  beforeAll(async () => {
    world = await ServiceWorld.create('p-admin-rebuild');
    app = await startPartnerships(world);
    const publisher = await CityPublisher.open(world);
    const ids = [
      await publisher.register({ name: 'Bandung', countryCode: 'ID' }),
      await publisher.register({ name: 'Da Nang', countryCode: 'VN' }),
    ];
    await citiesKnown(app, ids);
  }, 120_000);

  afterAll(() => world?.close());

  it('rebuilds the city model through the CLI, with progress, and exits as the script does', async () => {
    const cli = ['rebuild-read-model', '--service', 'partnerships', '--model', 'city', '--check'];
    const { code, output } = await runCityModelRebuildScript(app, 'apps/admin-cli/src/cli.ts', ...cli);
    expect({ code, rebuilt: /city model rebuilt: 2 cities, 0 difference\(s\)/.test(output) }).toEqual({
      code: 0,
      rebuilt: true,
    });
    expect(output).toContain('rebuilding the city model of partnerships from c2c.cities.v1...');
    expect(output).toMatch(/rebuild done after \d+\.\d s/);
  });
});
