import type { RunningService } from '@c2c/service/testing';
import { ServiceWorld } from '@c2c/service/testing';
import type { PartnershipsConfig } from '../src/config';
import { PARTNERSHIPS } from './support/partnerships';

// The service's document is committed (docs/api/partnerships.openapi.json) and composed by the
// gateway; the internal port serves no copy of it, so nothing there describes routes to a stranger.
describe('the partnerships service does not publish its internal API document', () => {
  let world: ServiceWorld;
  let service: RunningService<PartnershipsConfig>;

  beforeAll(async () => {
    world = await ServiceWorld.create('partnerships_docs');
    service = await world.start(PARTNERSHIPS, { DETECTION_INTERVAL_MS: '0' });
  });

  afterAll(async () => {
    await world?.close();
  });

  it.each(['/docs-json', '/docs', '/docs/json'])('answers %s with 404', async (path) => {
    expect((await service.call('GET', '/health/live', { as: 'anonymous' })).statusCode).toBe(200);
    expect((await service.call('GET', path, { as: 'anonymous' })).statusCode).toBe(404);
  });
});
