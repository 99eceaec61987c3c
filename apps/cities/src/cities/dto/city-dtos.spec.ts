import { Problem, strictValidationPipe } from '@c2c/platform';
import { ASIAN_CITIES } from '../../seed/asian-cities';
import { ArchiveCityDto } from './archive-city.dto';
import { ChangeMembershipDto } from './change-membership.dto';
import { ListCitiesQueryDto } from './list-cities-query.dto';
import { RegisterCityDto } from './register-city.dto';
import { UpdateCityDto } from './update-city.dto';

const pipe = strictValidationPipe();
const body = (metatype: new () => object, value: unknown) =>
  pipe.transform(value, { type: 'body', metatype });

async function invalidFields(metatype: new () => object, value: unknown): Promise<string[]> {
  const error = await body(metatype, value).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Problem);
  return ((error as Problem).errors ?? []).map((e) => e.field);
}

const valid = { name: 'Tehran', countryCode: 'IR', level: 'metropolitan-city' };

describe(RegisterCityDto.name, () => {
  it.each(ASIAN_CITIES.map((city) => [city.name, city]))('accepts the demo city %s', async (_name, city) => {
    await expect(body(RegisterCityDto, city)).resolves.toBeInstanceOf(RegisterCityDto);
  });

  it('upper-cases and trims what it can', async () => {
    await expect(
      body(RegisterCityDto, { ...valid, name: ' Tehran ', countryCode: 'ir' }),
    ).resolves.toMatchObject({
      name: 'Tehran',
      countryCode: 'IR',
    });
  });

  it.each([
    ['an unassigned country code', { countryCode: 'XX' }, 'countryCode'],
    ['a user-assigned country code', { countryCode: 'XK' }, 'countryCode'],
    ['latitude 91', { latitude: 91, longitude: 0 }, 'latitude'],
    ['longitude -181', { latitude: 0, longitude: -181 }, 'longitude'],
    ['half a position', { latitude: 10 }, 'latitude'],
    ['a negative population', { population: -1 }, 'population'],
    ['a fractional population', { population: 1.5 }, 'population'],
    ['SDG 18', { sdgFocus: [18] }, 'sdgFocus'],
    ['an unknown level', { level: 'village' }, 'level'],
    ['an unknown property', { mayor: 'someone' }, 'mayor'],
    ['a contact without e-mail', { contacts: [{ name: 'Sara' }] }, 'contacts.0.email'],
    [
      'a contact with a bad phone',
      { contacts: [{ name: 'S', email: 's@x.ir', phone: 'call me' }] },
      'contacts.0.phone',
    ],
    ['a non-web website', { website: 'ftp://tehran.ir' }, 'website'],
    ['a made-up language tag', { languages: ['Persian'] }, 'languages'],
    ['a blank name', { name: '   ' }, 'name'],
  ])('refuses %s, naming the field', async (_what, change, field) => {
    expect(await invalidFields(RegisterCityDto, { ...valid, ...change })).toContain(field);
  });
});

describe(UpdateCityDto.name, () => {
  it('lets optional values be removed with null, but not the name, country or level', async () => {
    await expect(
      body(UpdateCityDto, { englishName: null, latitude: null, longitude: null }),
    ).resolves.toBeDefined();
    expect(await invalidFields(UpdateCityDto, { name: null, countryCode: null, level: null })).toEqual(
      expect.arrayContaining(['name', 'countryCode', 'level']),
    );
  });

  it('refuses membership, which has a command of its own', async () => {
    expect(await invalidFields(UpdateCityDto, { membershipStatus: 'member' })).toEqual(['membershipStatus']);
  });
});

describe(ListCitiesQueryDto.name, () => {
  const query = (value: unknown) => pipe.transform(value, { type: 'query', metatype: ListCitiesQueryDto });

  it('reads query-string text into typed filters', async () => {
    await expect(query({ country: 'ir', limit: '5', includeArchived: 'false' })).resolves.toMatchObject({
      country: 'IR',
      limit: 5,
      includeArchived: false,
    });
  });
});

describe('null where the document allows none, or allows it only in pairs (found by schemathesis)', () => {
  it('refuses a lone latitude: null, which a database check would refuse as a 500', async () => {
    expect(await invalidFields(UpdateCityDto, { latitude: null })).toEqual(
      expect.arrayContaining(['latitude']),
    );
  });

  it('refuses a null reason or day in a membership change and a null archive reason', async () => {
    expect(
      new Set(await invalidFields(ChangeMembershipDto, { membershipStatus: 'member', reason: null })),
    ).toEqual(new Set(['reason']));
    expect(
      new Set(await invalidFields(ChangeMembershipDto, { membershipStatus: 'member', changedOn: null })),
    ).toEqual(new Set(['changedOn']));
    expect(new Set(await invalidFields(ArchiveCityDto, { reason: null }))).toEqual(new Set(['reason']));
  });
});
