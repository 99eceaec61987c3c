import { encodeCursor, type ProblemDetails } from '@c2c/platform';
import { ServiceWorld } from '@c2c/service/testing';
import {
  Api,
  citiesKnown,
  CityPublisher,
  Partnerships,
  proposalBetween,
  startPartnerships,
} from './support/partnerships';

const UUID = '123e4567-e89b-42d3-a456-426614174000';

function fieldsOf(problem: ProblemDetails): string[] {
  return (problem.errors ?? []).map((error) => error.field);
}

describe('partnerships: hostile input is a 400, never a 500', () => {
  let world: ServiceWorld;
  let app: Partnerships;
  let api: Api;
  let tokyo: string;
  let seoul: string;

  beforeAll(async () => {
    world = await ServiceWorld.create('p_hardening');
    app = await startPartnerships(world);
    const cities = await CityPublisher.open(world);
    tokyo = await cities.register({ name: 'Tokyo', countryCode: 'JP' });
    seoul = await cities.register({ name: 'Seoul', countryCode: 'KR' });
    await citiesKnown(app, [tokyo, seoul]);
    api = new Api(app);
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  it('refuses a NUL in a free-text field and in the agreement, naming the field', async () => {
    const title = await api.problem(
      '/partnerships',
      proposalBetween(tokyo, [seoul], { title: 'Green\u0000' }),
    );
    expect(title.status).toBe(400);
    expect(fieldsOf(title.body)).toEqual(['title']);
    const agreement = await api.problem(
      '/partnerships',
      proposalBetween(tokyo, [seoul], {
        agreement: { place: 'Tokyo', signatories: [{ name: 'Mayor\u0000' }] },
      }),
    );
    expect(agreement.status).toBe(400);
    expect(fieldsOf(agreement.body)).toEqual(['agreement.signatories.0.name']);
  });

  it('refuses list cursors with 36 dashes, a date PostgreSQL rejects, or extra fields', async () => {
    const positions: Record<string, string>[] = [
      { createdAt: '2026-03-24T08:15:00.000Z', id: '-'.repeat(36) },
      { createdAt: '2026-02-30T00:00:00Z', id: UUID },
      // Date.parse reads these; PostgreSQL refuses the first and misreads the second.
      { createdAt: '+275760-09-13T00:00:00.000Z', id: UUID },
      { createdAt: 'Tue, 24 Mar 2026', id: UUID },
      { createdAt: '2026-03-24T08:15:00.000Z', id: UUID, more: 'x' },
    ];
    for (const position of positions) {
      const response = await api.get<ProblemDetails>(`/partnerships?cursor=${encodeCursor(position)}`);
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual(['cursor']);
    }
    const fine = encodeCursor({ createdAt: '2026-03-24T08:15:00.000Z', id: UUID });
    expect((await api.get(`/partnerships?cursor=${fine}`)).status).toBe(200);
  });

  it('refuses a history cursor beyond int8 or not a number', async () => {
    const proposed = await api.post('/partnerships', proposalBetween(tokyo, [seoul]));
    expect(proposed.status).toBe(201);
    for (const id of ['9223372036854775808', '1e3', '-1', ' 1']) {
      const response = await api.get<ProblemDetails>(
        `/partnerships/${proposed.body.id}/history?cursor=${encodeCursor({ id })}`,
      );
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual(['cursor']);
    }
    const fine = encodeCursor({ id: '1' });
    expect((await api.get(`/partnerships/${proposed.body.id}/history?cursor=${fine}`)).status).toBe(200);
  });
});
