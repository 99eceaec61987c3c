import { encodeCursor } from '@c2c/platform';
import { ServiceWorld, type RunningService } from '@c2c/service/testing';
import type { HttpResponse } from '@c2c/testing';
import type { CitiesConfig } from '../src/config';
import { CITIES } from './support/cities';

function expectFieldError(response: HttpResponse, field: string): void {
  expect(response.statusCode).toBe(400);
  const body = response.json<{ type: string; errors: { field: string }[] }>();
  expect(body.type).toMatch(/validation-error$/);
  expect(body.errors.map((error) => error.field)).toContain(field);
}

describe('cities: hostile input is a 400, never a 500', () => {
  let world: ServiceWorld;
  let cities: RunningService<CitiesConfig>;

  beforeAll(async () => {
    world = await ServiceWorld.create('cities_hardening');
    cities = await world.start(CITIES);
  }, 60_000);

  afterAll(async () => {
    await world?.close();
  });

  it('refuses a NUL in the search text (PostgreSQL would refuse it with a 500)', async () => {
    expectFieldError(await cities.call('GET', '/cities?q=%00'), 'q');
    expectFieldError(await cities.call('GET', '/cities?q=Teh%00ran'), 'q');
    expect((await cities.call('GET', '/cities?q=Tehran')).statusCode).toBe(200);
  });

  it('refuses a NUL in a text field of a new city, naming the field', async () => {
    const response = await cities.call('POST', '/cities', {
      body: { name: 'Shiraz\u0000', countryCode: 'IR', level: 'city' },
    });
    expectFieldError(response, 'name');
    const contacts = await cities.call('POST', '/cities', {
      body: {
        name: 'Shiraz',
        countryCode: 'IR',
        level: 'city',
        contacts: [{ name: 'A\u0007', email: 'a@example.org' }],
      },
    });
    expectFieldError(contacts, 'contacts.0.name');
  });

  it('refuses cursors it did not hand out: 36 dashes, any string as the id, control characters', async () => {
    const positions: Record<string, string>[] = [
      { name: 'Tehran', id: '-'.repeat(36) },
      { name: 'Tehran', id: 'not-a-uuid' },
      { name: 'Teh\u0000ran', id: '123e4567-e89b-42d3-a456-426614174000' },
      { name: 'Tehran', id: '123e4567-e89b-42d3-a456-426614174000', extra: 'x' },
    ];
    for (const position of positions) {
      expectFieldError(await cities.call('GET', `/cities?cursor=${encodeCursor(position)}`), 'cursor');
    }
    const fine = encodeCursor({ name: 'Tehran', id: '123e4567-e89b-42d3-a456-426614174000' });
    expect((await cities.call('GET', `/cities?cursor=${fine}`)).statusCode).toBe(200);
  });
});
