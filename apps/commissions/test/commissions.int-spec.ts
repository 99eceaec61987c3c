import type { Page } from '@c2c/platform';
import { ServiceWorld } from '@c2c/service/testing';
import type { CommissionResponse } from '../src/commissions/dto/commission-response.dto';
import { Api, Commissions, FIRST, OBSERVER, SECOND, startCommissions, THIRD } from './support/commissions';

describe('commissions: the three commissions exist from the first start', () => {
  let world: ServiceWorld;
  let app: Commissions;

  beforeAll(async () => {
    world = await ServiceWorld.create('c-three');
    app = await startCommissions(world);
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  it('lists them by number, with their mandate, no officers yet, and no next page', async () => {
    const list = await new Api(app, OBSERVER).get<Page<CommissionResponse>>('/commissions');
    expect(list.status).toBe(200);
    expect(list.body.nextCursor).toBeNull();
    expect(list.body.items.map(({ id, number, name }) => ({ id, number, name }))).toEqual([
      { id: FIRST, number: 1, name: 'City to City Cooperation' },
      { id: SECOND, number: 2, name: 'Common Challenges' },
      { id: THIRD, number: 3, name: 'Local Governments' },
    ]);
    for (const commission of list.body.items) {
      expect(commission).toMatchObject({
        chairCityId: null,
        viceChairCityIds: [],
        memberCount: 0,
        version: 1,
      });
      expect(commission.mandate.length).toBeGreaterThan(40);
    }
  });

  it('answers one with its ETag, a missing one with 404 and a malformed id with 400 naming it', async () => {
    const api = new Api(app, OBSERVER);
    const one = await api.get<CommissionResponse>(`/commissions/${SECOND}`);
    expect(one).toMatchObject({ status: 200, etag: 'W/"1"', body: { number: 2 } });
    expect((await api.get('/commissions/00000000-0000-4000-8000-000000000009')).status).toBe(404);
    const malformed = await api.get<{ errors: { field: string }[] }>('/commissions/not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((error) => error.field)).toContain('id');
  });

  it('starts a second time on the same database with the same three, nothing doubled', async () => {
    await world.stop(app);
    app = await startCommissions(world);
    const list = await new Api(app).get<Page<CommissionResponse>>('/commissions');
    expect(list.body.items.map((c) => c.number)).toEqual([1, 2, 3]);
    const [row] = await world.sql<{ count: number }>(
      'select count(*)::int as count from commissions.commissions',
    );
    expect(row?.count).toBe(3);
  });
});
