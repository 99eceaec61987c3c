import type { TestCaller } from '@c2c/auth/testing';
import { validateEventData, type EventType } from '@c2c/contracts';
import { ServiceWorld, type RunningService } from '@c2c/service/testing';
import { eventually, type HttpResponse, type TopicRecorder } from '@c2c/testing';
import { buildApiDocument } from '../src/api-docs';
import type { CitiesConfig } from '../src/config';
import { ASIAN_CITIES } from '../src/seed/asian-cities';
import { runSeed, type SeedResult } from '../src/seed/seed';
import { CITIES, eventsOf } from './support/cities';

interface CityBody {
  id: string;
  name: string;
  version: number;
  membershipStatus: string;
  archivedAt: string | null;
}
interface ProblemBody {
  type: string;
  status: number;
  errors?: { field: string; message: string }[];
  existingCityId?: string;
  existingCity?: string;
}
interface PageBody {
  items: CityBody[];
  nextCursor: string | null;
}

const shahrekord = { name: 'Shahr-e Kord', localName: 'شهرکرد', countryCode: 'IR', level: 'municipality' };

function expectProblem(response: HttpResponse, status: number): ProblemBody {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  return response.json<ProblemBody>();
}

describe('cities over HTTP, PostgreSQL and Kafka', () => {
  let world: ServiceWorld;
  let cities: RunningService<CitiesConfig>;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    world = await ServiceWorld.create('cities');
    // Recording first creates the topic before the relay's first send.
    recorder = await world.record('c2c.cities.v1');
    cities = await world.start(CITIES);
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  /** The one event of a type about a city, once the relay has published it, checked against its contract. */
  async function publishedEvent(type: EventType, cityId: string) {
    const [event] = await eventually(() => {
      const events = eventsOf(recorder, type, cityId);
      expect(events).toHaveLength(1);
      return events;
    });
    expect(event!.headers).toMatchObject({ ce_type: type, ce_subject: cityId, ce_source: '/c2c/cities' });
    expect(validateEventData(type, event!.data)).toEqual({ ok: true, data: event!.data });
    return event!.data as Record<string, unknown>;
  }

  async function register(body: object): Promise<CityBody> {
    const response = await cities.call('POST', '/cities', { body });
    expect(response.statusCode).toBe(201);
    return response.json<CityBody>();
  }

  it('registers a city, serves it with its ETag, and publishes c2c.city.registered.v1', async () => {
    const response = await cities.call('POST', '/cities', {
      body: { ...shahrekord, population: 159_775, populationYear: 2016 },
    });
    expect(response.statusCode).toBe(201);
    const city = response.json<CityBody>();
    expect(response.headers).toMatchObject({ location: `/cities/${city.id}`, etag: 'W/"1"' });

    const read = await cities.call('GET', `/cities/${city.id}`);
    expect({ status: read.statusCode, etag: read.headers.etag }).toEqual({ status: 200, etag: 'W/"1"' });
    expect(read.json()).toMatchObject({ name: 'Shahr-e Kord', localName: 'شهرکرد', population: 159_775 });

    const data = await publishedEvent('c2c.city.registered.v1', city.id);
    expect(data).toMatchObject({
      cityId: city.id,
      name: 'Shahr-e Kord',
      countryCode: 'IR',
      membershipStatus: 'non-member',
    });
  });

  it('updates only with the current ETag: stale is 412, missing is 428', async () => {
    const contacts = [{ name: 'Sara Ahmadi', email: 'international@yazd.ir', phone: '+98 35 3626 0000' }];
    const city = await register({
      name: 'Yazd',
      countryCode: 'IR',
      level: 'municipality',
      contacts,
      sdgFocus: [11, 6],
    });
    const patch = (ifMatch: string | undefined, body: object) =>
      cities.call('PATCH', `/cities/${city.id}`, { body, headers: ifMatch ? { 'if-match': ifMatch } : {} });

    const updated = await patch('W/"1"', { population: 529_673, populationYear: 2016, englishName: 'Yazd' });
    expect({ status: updated.statusCode, etag: updated.headers.etag }).toEqual({
      status: 200,
      etag: 'W/"2"',
    });
    const stale = await patch('W/"1"', { population: 1 });
    expectProblem(stale, 412);
    expect(stale.headers.etag).toBe('W/"2"');
    expectProblem(await patch(undefined, { population: 1 }), 428);
    const cleared = await patch('W/"2"', {
      sdgFocus: null,
      contacts: [{ ...contacts[0], phone: undefined }],
    });
    expect(cleared.json()).toMatchObject({ version: 3, sdgFocus: [], contacts: [{ name: 'Sara Ahmadi' }] });
    expect(cleared.json<{ contacts: object[] }>().contacts[0]).not.toHaveProperty('phone');

    // Two changes, two events in order; the contact lost only its phone, which events do not carry,
    // so only sdgFocus shows.
    const updates = await eventually(() => {
      const events = eventsOf(recorder, 'c2c.city.profile-updated.v1', city.id);
      expect(events).toHaveLength(2);
      return events.map((event) => event.data);
    });
    expect(updates).toEqual([
      expect.objectContaining({
        changedFields: ['population', 'populationYear', 'englishName'],
        changes: { population: 529_673, populationYear: 2016, englishName: 'Yazd' },
      }),
      expect.objectContaining({ changedFields: ['sdgFocus'], changes: { sdgFocus: null } }),
    ]);
    for (const update of updates)
      expect(validateEventData('c2c.city.profile-updated.v1', update).ok).toBe(true);
  });

  it("publishes the contact officers' name, role and e-mail, never their phone, on registration and change", async () => {
    const sara = {
      name: 'Sara Ahmadi',
      role: 'International relations officer',
      email: 'sara.ahmadi@example.org',
      phone: '+98 34 3222 1000',
    };
    const city = await register({
      name: 'Kerman',
      countryCode: 'IR',
      level: 'municipality',
      contacts: [sara],
    });
    const registered = await publishedEvent('c2c.city.registered.v1', city.id);
    expect(registered.contactOfficers).toEqual([
      { name: 'Sara Ahmadi', role: 'International relations officer', email: 'sara.ahmadi@example.org' },
    ]);

    const reza = { name: 'Reza Karimi', email: 'reza.karimi@example.org', phone: '+98 34 3222 2000' };
    const patched = await cities.call('PATCH', `/cities/${city.id}`, {
      body: { contacts: [reza] },
      headers: { 'if-match': 'W/"1"' },
    });
    expect(patched.statusCode).toBe(200);
    const updated = await publishedEvent('c2c.city.profile-updated.v1', city.id);
    expect(updated).toMatchObject({
      changedFields: ['contactOfficers'],
      changes: { contactOfficers: [{ name: 'Reza Karimi', email: 'reza.karimi@example.org' }] },
    });
    for (const data of [registered, updated]) expect(JSON.stringify(data)).not.toMatch(/phone|\+98/);
  });

  it('answers a duplicate (same country, same folded name) with 409 pointing to the existing city', async () => {
    const first = await register({ name: 'Qom', countryCode: 'IR', level: 'municipality' });
    const again = await cities.call('POST', '/cities', {
      body: { name: '  QÓM ', countryCode: 'ir', level: 'district' },
    });
    const problem = expectProblem(again, 409);
    expect(problem).toMatchObject({ existingCityId: first.id, existingCity: `/cities/${first.id}` });
    await register({ name: 'Qom', countryCode: 'AF', level: 'district' });
  });

  it('lets exactly one of several simultaneous registrations of a city win; the others point to it', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 6 }, () =>
        cities.call('POST', '/cities', { body: { ...shahrekord, name: 'Semnan' } }),
      ),
    );
    const created = attempts.filter((response) => response.statusCode === 201);
    expect(created).toHaveLength(1);
    const winner = created[0]!.json<CityBody>().id;
    for (const conflict of attempts.filter((response) => response.statusCode !== 201)) {
      expect(expectProblem(conflict, 409).existingCityId).toBe(winner);
    }
  });

  it('changes membership and publishes c2c.city.membership-changed.v1', async () => {
    const city = await register({ name: 'Rasht', countryCode: 'IR', level: 'municipality' });
    const body = { membershipStatus: 'observer', changedOn: '2026-05-14', reason: 'Applied to join.' };
    const response = await cities.call('POST', `/cities/${city.id}/membership`, { body });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      membershipStatus: 'observer',
      membershipChangedOn: '2026-05-14',
      version: 2,
    });
    const data = await publishedEvent('c2c.city.membership-changed.v1', city.id);
    expect(data).toEqual({
      cityId: city.id,
      previousStatus: 'non-member',
      membershipStatus: 'observer',
      changedOn: '2026-05-14',
      reason: 'Applied to join.',
    });
  });

  it('archives a city, publishes c2c.city.archived.v1, keeps it readable and refuses further edits', async () => {
    const city = await register({ name: 'Zabol', countryCode: 'IR', level: 'municipality' });
    const unknown = await cities.call('POST', `/cities/${city.id}/archive`, { body: { purge: true } });
    expect(expectProblem(unknown, 400).errors?.map((error) => error.field)).toEqual(['purge']);
    const archived = await cities.call('POST', `/cities/${city.id}/archive`, {
      body: { reason: 'Test record.' },
    });
    expect(archived.statusCode).toBe(200);
    expect(archived.json<CityBody>().archivedAt).not.toBeNull();
    const data = await publishedEvent('c2c.city.archived.v1', city.id);
    expect(data).toMatchObject({ cityId: city.id, name: 'Zabol', countryCode: 'IR', reason: 'Test record.' });

    expect((await cities.call('GET', `/cities/${city.id}`)).statusCode).toBe(200);
    const listed = await cities.call('GET', '/cities?q=zabol');
    expect(listed.json<PageBody>().items).toEqual([]);
    const withArchived = await cities.call('GET', '/cities?q=zabol&includeArchived=true');
    expect(withArchived.json<PageBody>().items.map((c) => c.id)).toEqual([city.id]);
    const edit = await cities.call('PATCH', `/cities/${city.id}`, {
      body: { population: 1 },
      headers: { 'if-match': '*' },
    });
    expectProblem(edit, 409);
    // Archiving again, even without a body, changes nothing and publishes nothing.
    const again = await cities.call('POST', `/cities/${city.id}/archive`);
    expect({ status: again.statusCode, etag: again.headers.etag }).toEqual({ status: 200, etag: 'W/"2"' });
  });

  it('checks ids and preconditions before any change: a malformed id, a stale or doubled If-Match', async () => {
    const city = await register({ name: 'Sanandaj', countryCode: 'IR', level: 'municipality' });
    const malformed = expectProblem(await cities.call('GET', '/cities/not-a-uuid'), 400);
    expect(malformed.errors?.map((error) => error.field)).toEqual(['id']);
    const membership = (ifMatch: string) =>
      cities.call('POST', `/cities/${city.id}/membership`, {
        body: { membershipStatus: 'member' },
        headers: { 'if-match': ifMatch },
      });
    const stale = await membership('W/"7"');
    expectProblem(stale, 412);
    expect(stale.headers.etag).toBe('W/"1"');
    expect(expectProblem(await membership('W/"1", W/"2"'), 400).errors?.map((e) => e.field)).toEqual([
      'If-Match',
    ]);
    const changed = await membership('W/"1"');
    expect({ status: changed.statusCode, etag: changed.headers.etag }).toEqual({
      status: 200,
      etag: 'W/"2"',
    });
  });

  it('needs a token, lets a city officer edit its own city only, and only the secretariat register', async () => {
    const city = await register({ name: 'Ardabil', countryCode: 'IR', level: 'municipality' });
    const officerOf = (cityId: string): TestCaller => ({ roles: ['city-officer'], cityId });
    const edit = (as: TestCaller | 'anonymous') =>
      cities.call('PATCH', `/cities/${city.id}`, {
        body: { leaderTitle: 'Mayor' },
        headers: { 'if-match': '*' },
        as,
      });

    expectProblem(await edit('anonymous'), 401);
    expectProblem(await edit({ roles: ['observer'] }), 403);
    expectProblem(await edit(officerOf('9f1d1c1e-0000-4000-8000-000000000001')), 403);
    expect((await edit(officerOf(city.id))).statusCode).toBe(200);
    const ilam = { ...shahrekord, name: 'Ilam' };
    expectProblem(await cities.call('POST', '/cities', { body: ilam, as: officerOf(city.id) }), 403);
    expectProblem(await cities.call('POST', '/cities', { body: ilam, as: 'anonymous' }), 401);
    expect((await cities.call('GET', `/cities/${city.id}`, { as: { roles: ['observer'] } })).statusCode).toBe(
      200,
    );
    expect((await cities.call('POST', '/cities', { body: ilam })).statusCode).toBe(201);
  });

  it('documents its routes in OpenAPI, with the city schema', () => {
    // Built from the running app, as `npm run openapi` builds it: the service does not serve it.
    const document = buildApiDocument(cities.app);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/cities', '/cities/{id}', '/cities/{id}/membership', '/cities/{id}/archive']),
    );
    expect(document.components?.schemas).toHaveProperty('CityResponse');
  });

  it.each([
    ['an unknown country code', { countryCode: 'QQ' }, 'countryCode'],
    ['latitude 91', { latitude: 91, longitude: 10 }, 'latitude'],
    ['a negative population', { population: -5 }, 'population'],
    ['an unknown property', { isCapital: true }, 'isCapital'],
  ])('refuses %s with a 400 problem naming the field', async (_what, change, field) => {
    const response = await cities.call('POST', '/cities', {
      body: { ...shahrekord, name: 'Bojnurd', ...change },
    });
    const problem = expectProblem(response, 400);
    expect(problem.type).toMatch(/validation-error$/);
    expect(problem.errors?.map((error) => error.field)).toContain(field);
  });

  it('refuses a 10 MB body with 413 before reading it', async () => {
    const body = JSON.stringify({ ...shahrekord, name: 'x'.repeat(10 * 1024 * 1024) });
    const response = await cities.call('POST', '/cities', {
      body,
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(response, 413);
  });

  it.each(["'; drop table cities.cities; --", "%' or '1'='1", '_%\\'])(
    'treats search text %j as text',
    async (q) => {
      const response = await cities.call('GET', `/cities?q=${encodeURIComponent(q)}`);
      expect({ status: response.statusCode, items: response.json<PageBody>().items }).toEqual({
        status: 200,
        items: [],
      });
      expect((await cities.call('GET', '/cities?limit=1')).statusCode).toBe(200);
    },
  );

  it('refuses a cursor it did not make with a 400 naming the cursor', async () => {
    const problem = expectProblem(await cities.call('GET', '/cities?cursor=bm90LWEtY3Vyc29y'), 400);
    expect(problem.errors?.map((error) => error.field)).toEqual(['cursor']);
  });

  describe('with the demo data', () => {
    let first: SeedResult;
    let second: SeedResult;

    beforeAll(async () => {
      first = await runSeed(cities.config);
      second = await runSeed(cities.config);
    }, 60_000);

    it('loads every demo city once, each announced once, and a second run adds nothing', async () => {
      expect(first.added).toHaveLength(ASIAN_CITIES.length);
      expect(second).toEqual({ added: [], skipped: first.added });
      await eventually(() => {
        const registered = recorder.ofType('c2c.city.registered.v1').map((message) => message.key);
        expect(new Set(registered).size).toBe(registered.length);
        expect(registered.length).toBeGreaterThanOrEqual(ASIAN_CITIES.length);
      });
    });

    it.each(['tehran', 'Tehrn', 'تهران', 'TEHRAN'])('finds Tehran for %j', async (q) => {
      const response = await cities.call('GET', `/cities?q=${encodeURIComponent(q)}&country=IR`);
      expect(response.statusCode).toBe(200);
      expect(response.json<PageBody>().items.map((city) => city.name)).toContain('Tehran');
    });

    it('filters by country, level and membership', async () => {
      const response = await cities.call(
        'GET',
        '/cities?country=IR&level=metropolitan-city&membership=member',
      );
      // Read from the demo data, which decides who plays a member (Tehran and Mashhad, today).
      const expected = ASIAN_CITIES.filter(
        (city) =>
          city.countryCode === 'IR' &&
          city.level === 'metropolitan-city' &&
          city.membershipStatus === 'member',
      )
        .map((city) => city.name)
        .sort();
      expect(expected).toContain('Tehran');
      expect(response.json<PageBody>().items.map((city) => city.name)).toEqual(expected);
    });

    it('pages through every city with its cursor, in (name, id) order, each once', async () => {
      const names: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor === null ? '' : `&cursor=${cursor}`;
        const page: PageBody = (await cities.call('GET', `/cities?limit=7${query}`)).json<PageBody>();
        expect(page.items.length).toBeLessThanOrEqual(7);
        names.push(...page.items.map((city) => city.name));
        cursor = page.nextCursor;
      } while (cursor !== null);
      // The test cluster collates byte-wise (C.UTF-8), as the keyset comparison in SQL does.
      expect(names).toEqual([...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
      expect(names).toEqual(expect.arrayContaining(ASIAN_CITIES.map((city) => city.name)));
    });
  });
});
