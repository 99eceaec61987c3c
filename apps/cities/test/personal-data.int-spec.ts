import type { TestCaller } from '@c2c/auth/testing';
import { ServiceWorld, type RunningService } from '@c2c/service/testing';
import type { HttpResponse } from '@c2c/testing';
import type { CitiesConfig } from '../src/config';
import { CITIES } from './support/cities';

interface ContactBody {
  name: string;
  role?: string;
  email?: string;
  phone?: string;
}
interface CityBody {
  id: string;
  name: string;
  countryCode: string;
  level: string;
  leaderTitle: string | null;
  version: number;
  contacts: ContactBody[];
}
interface ProblemBody {
  type: string;
  status: number;
  detail?: string;
  fields?: string[];
  errors?: { field: string; message: string }[];
}

const OBSERVER: TestCaller = { roles: ['observer'] };
const SECRETARIAT: TestCaller = { roles: ['secretariat'] };
const COMMISSION_OFFICER: TestCaller = {
  roles: ['commission-officer'],
  commissionIds: ['6f0f3a52-0000-4000-8000-000000000001'],
};
const officerOf = (cityId: string): TestCaller => ({ roles: ['city-officer'], cityId });

// Contacts' e-mail and phone are personal data (issue 13, item 6): officers see them so partners can
// reach each other, observers see name and role only. Each assertion reads the raw body, so a leak in
// any field, under any name, fails it.
describe('cities: personal data and who changes what', () => {
  let world: ServiceWorld;
  let cities: RunningService<CitiesConfig>;

  beforeAll(async () => {
    world = await ServiceWorld.create('cities_personal_data');
    cities = await world.start(CITIES);
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  async function register(body: object): Promise<CityBody> {
    const response = await cities.call('POST', '/cities', { body, as: SECRETARIAT });
    expect(response.statusCode).toBe(201);
    return response.json<CityBody>();
  }

  const patch = (id: string, body: object, as: TestCaller): Promise<HttpResponse> =>
    cities.call('PATCH', `/cities/${id}`, { body, headers: { 'if-match': '*' }, as });

  function expectProblem(response: HttpResponse, status: number): ProblemBody {
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    return response.json<ProblemBody>();
  }

  describe('contact officers', () => {
    const emails = ['international@kerman.ir', 'protocol@kerman.ir', 'relations@bukhara.uz'];
    const phones = ['+98 34 3222 1000', '+998 65 223 4567'];
    let kerman: CityBody;
    let bukhara: CityBody;

    beforeAll(async () => {
      kerman = await register({
        name: 'Kerman',
        countryCode: 'IR',
        level: 'municipality',
        contacts: [
          {
            name: 'Sara Ahmadi',
            role: 'International relations officer',
            email: emails[0],
            phone: phones[0],
          },
          { name: 'Reza Karimi', email: emails[1] },
        ],
      });
      bukhara = await register({
        name: 'Bukhara',
        countryCode: 'UZ',
        level: 'municipality',
        contacts: [
          { name: 'Dilnoza Rashidova', role: 'Head of protocol', email: emails[2], phone: phones[1] },
        ],
      });
    });

    /** The raw bodies of a full listing (limit 100) and of one city's read, as this caller. */
    async function bodiesAs(as: TestCaller): Promise<string[]> {
      const list = await cities.call('GET', '/cities?limit=100', { as });
      const one = await cities.call('GET', `/cities/${kerman.id}`, { as });
      expect([list.statusCode, one.statusCode]).toEqual([200, 200]);
      return [list.body, one.body];
    }

    it('shows an observer each contact’s name and role, and no e-mail or phone anywhere in the body', async () => {
      const [list, one] = await bodiesAs(OBSERVER);
      for (const body of [list!, one!]) {
        for (const secret of [...emails, ...phones, '@']) expect(body).not.toContain(secret);
        expect(body).not.toMatch(/"(email|phone)"/);
      }
      const listed = JSON.parse(list!) as { items: CityBody[] };
      expect(listed.items.map((city) => city.name)).toEqual(expect.arrayContaining(['Kerman', 'Bukhara']));
      expect(JSON.parse(one!)).toMatchObject({
        contacts: [{ name: 'Sara Ahmadi', role: 'International relations officer' }, { name: 'Reza Karimi' }],
      });
    });

    it.each([
      ['a city officer of another city', () => officerOf(bukhara.id)],
      ['a city officer of that city', () => officerOf(kerman.id)],
      ['a commission officer', () => COMMISSION_OFFICER],
      ['the secretariat', () => SECRETARIAT],
    ])('shows %s the contacts’ e-mail and phone, so partners can reach each other', async (_who, as) => {
      const [list, one] = await bodiesAs(as());
      for (const secret of [...emails, ...phones]) expect(list).toContain(secret);
      expect(JSON.parse(one!)).toMatchObject({
        contacts: [
          {
            name: 'Sara Ahmadi',
            role: 'International relations officer',
            email: emails[0],
            phone: phones[0],
          },
          { name: 'Reza Karimi', email: emails[1] },
        ],
      });
    });

    it.each([
      ['an empty role', { role: '   ' }],
      ['a role of 201 characters', { role: 'x'.repeat(201) }],
      ['a role that is not text', { role: 42 }],
    ])('refuses a contact with %s, naming the field', async (_what, change) => {
      const response = await patch(
        kerman.id,
        { contacts: [{ name: 'Sara Ahmadi', email: emails[0], ...change }] },
        SECRETARIAT,
      );
      const problem = expectProblem(response, 400);
      expect(problem.errors?.map((error) => error.field)).toContain('contacts.0.role');
    });
  });

  describe("a city's name, country and level", () => {
    it('are refused to its own city officer with a 403 naming them, and the city is left as it was', async () => {
      const city = await register({ name: 'Yazd', countryCode: 'IR', level: 'municipality' });
      const officer = officerOf(city.id);

      const refused = expectProblem(
        await patch(
          city.id,
          { name: 'Yazd-e Now', countryCode: 'AF', level: 'metropolitan-city', leaderTitle: 'Mayor' },
          officer,
        ),
        403,
      );
      expect(refused.fields).toEqual(['name', 'countryCode', 'level']);
      expect(refused.detail).toMatch(/name, countryCode, level/);
      expect(
        expectProblem(await patch(city.id, { level: 'metropolitan-city' }, officer), 403).fields,
      ).toEqual(['level']);

      const unchanged = await cities.call('GET', `/cities/${city.id}`, { as: officer });
      expect(unchanged.json<CityBody>()).toMatchObject({
        name: 'Yazd',
        countryCode: 'IR',
        level: 'municipality',
        leaderTitle: null,
        version: 1,
      });
    });

    it('do not stop its officer changing the rest of the profile, even re-sending them unchanged', async () => {
      const city = await register({ name: 'Kashan', countryCode: 'IR', level: 'municipality' });
      const response = await patch(
        city.id,
        { name: 'Kashan', countryCode: 'IR', level: 'municipality', leaderTitle: 'Mayor' },
        officerOf(city.id),
      );
      expect(response.statusCode).toBe(200);
      expect(response.json<CityBody>()).toMatchObject({ name: 'Kashan', leaderTitle: 'Mayor', version: 2 });
    });

    it('are changed by the secretariat', async () => {
      const city = await register({ name: 'Semnan', countryCode: 'IR', level: 'municipality' });
      const response = await patch(city.id, { name: 'Semnan City', level: 'metropolitan-city' }, SECRETARIAT);
      expect(response.statusCode).toBe(200);
      expect(response.json<CityBody>()).toMatchObject({ name: 'Semnan City', level: 'metropolitan-city' });
    });
  });
});
