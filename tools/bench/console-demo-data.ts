/**
 * Demo data for the console's benchmark: `cities` cities and `partnerships` partnerships written
 * straight into the services' own tables (cities.cities; partnerships.partnerships and .participants)
 * in one statement per table, with the columns their repositories write: the cities service's row
 * derivation (newCity, nameKeyOf, searchTextOf) for the cities, the partnership table's rules (type,
 * status and dates in range, participants in two or more countries, acceptances that match the
 * status) for the partnerships. Through the use cases the same data would take minutes and fill the
 * outbox with events nobody measures; the map reads only these tables, through the API.
 *
 * Deterministic: the same sizes give the same cities and partnerships (a seeded generator), spread
 * around the demo seed's real Asian cities. One city in fifty has no coordinates, as in a registry
 * where some were entered without.
 */
import { Client } from 'pg';
// The benchmark writes rows exactly as the services do, so it takes their row derivation by path.
import { newCity } from '../../apps/cities/src/cities/city';
import { nameKeyOf, searchTextOf } from '../../apps/cities/src/cities/city-names';
import { ASIAN_CITIES } from '../../apps/cities/src/seed/asian-cities';

export interface DemoSizes {
  cities: number;
  partnerships: number;
}

export interface DemoData {
  cityIds: string[];
  placed: number;
  partnershipIds: string[];
  byStatus: Record<string, number>;
}

const TYPES = [
  'sister-city',
  'friendship',
  'memorandum-of-understanding',
  'project-partnership',
  'multilateral-network',
  'technical-cooperation',
] as const;

// A platform some years old: most partnerships active, some waiting, some over.
const STATUSES: readonly [string, number][] = [
  ['active', 0.6],
  ['proposed', 0.12],
  ['suspended', 0.05],
  ['terminated', 0.08],
  ['expired', 0.07],
  ['declined', 0.04],
  ['withdrawn', 0.04],
];

const AREAS = [
  'urban-planning',
  'environment-and-climate',
  'transport',
  'water-and-sanitation',
  'culture-and-heritage',
  'economy-and-trade',
  'tourism',
  'education-and-youth',
  'health',
  'governance-and-capacity-building',
  'disaster-risk-reduction',
  'smart-city-and-technology',
  'social-inclusion',
] as const;

const SYLLABLES = [
  'ka',
  'ri',
  'to',
  'ma',
  'sen',
  'lu',
  'an',
  'shi',
  'do',
  'ven',
  'ha',
  'mir',
  'zo',
  'pa',
  'tel',
  'nu',
];

/** A small deterministic generator (mulberry32): the same data on every run. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  const some = <T>(items: readonly T[], least: number, most: number): T[] => {
    const count = least + int(most - least + 1);
    const chosen = new Set<T>();
    while (chosen.size < Math.min(count, items.length)) chosen.add(pick(items));
    return [...chosen];
  };
  // A uuid from the generator (version 4 layout), so ids repeat across runs too.
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => int(16).toString(16));
    hex[12] = '4';
    hex[16] = '89ab'[int(4)];
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
  return { next, int, pick, some, uuid };
}

/** A name without digits (the registry's names have none): syllables spelling the number. */
function nameOf(index: number): string {
  let n = index;
  let word = '';
  do {
    word += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  return word.charAt(0).toUpperCase() + word.slice(1);
}

const snake = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
const snakeRow = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).map(([key, value]) => [snake(key), value]));

const day = (date: Date) => date.toISOString().slice(0, 10);

/** Writes the demo data into an empty platform's tables (as the database's administrator). */
export async function loadDemoData(adminUrl: string, sizes: DemoSizes): Promise<DemoData> {
  const random = generator(20_26_12_03);
  const now = new Date();
  const cities = Array.from({ length: sizes.cities }, (_, i) => {
    const anchor = ASIAN_CITIES[i % ASIAN_CITIES.length];
    const placed = i % 50 !== 49;
    const name = `${anchor.englishName ?? anchor.name} ${nameOf(i)}`;
    const city = newCity(
      random.uuid(),
      {
        name,
        englishName: name,
        localName: null,
        countryCode: anchor.countryCode,
        region: anchor.region ?? null,
        level: 'municipality',
        population: 50_000 + random.int(2_000_000),
        populationYear: 2020,
        ...(placed
          ? {
              latitude: Math.round(((anchor.latitude ?? 20) + (random.next() - 0.5) * 4) * 1e4) / 1e4,
              longitude: Math.round(((anchor.longitude ?? 100) + (random.next() - 0.5) * 4) * 1e4) / 1e4,
            }
          : {}),
        membershipStatus: random.next() < 0.8 ? 'member' : random.next() < 0.5 ? 'observer' : 'non-member',
        sdgFocus: random.some(
          [...Array(17).keys()].map((n) => n + 1),
          0,
          3,
        ),
        languages: anchor.languages ?? [],
      },
      new Date(now.getTime() - random.int(3 * 365) * 86_400_000),
    );
    return { ...city, nameKey: nameKeyOf(city.name), searchText: searchTextOf(city) };
  });

  const byStatus: Record<string, number> = {};
  const participantRows: Record<string, unknown>[] = [];
  const partnershipRows = Array.from({ length: sizes.partnerships }, (_, i) => {
    const id = random.uuid();
    const type = random.pick(TYPES);
    let roll = random.next();
    const status = STATUSES.find(([, share]) => (roll -= share) < 0)?.[0] ?? 'active';
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    const proposer = random.pick(cities);
    const partnerCount = type === 'multilateral-network' ? 2 + random.int(3) : 1;
    const partners: typeof cities = [];
    while (partners.length < partnerCount) {
      const candidate = random.pick(cities);
      if (candidate.id === proposer.id || partners.some((p) => p.id === candidate.id)) continue;
      // Two or more countries: the first partner is abroad.
      if (partners.length === 0 && candidate.countryCode === proposer.countryCode) continue;
      partners.push(candidate);
    }
    const createdAt = new Date(now.getTime() - (sizes.partnerships - i) * 3_600_000);
    const started = new Date(Date.UTC(2004 + random.int(22), random.int(12), 1 + random.int(28)));
    const accepted = status !== 'proposed' && status !== 'declined' && status !== 'withdrawn';
    const activatedAt = accepted ? createdAt : null;
    [proposer, ...partners].forEach((city, position) =>
      participantRows.push({
        partnership_id: id,
        city_id: city.id,
        position,
        role: position === 0 ? 'proposer' : 'partner',
        name: city.name,
        country_code: city.countryCode,
        accepted_at: position === 0 || accepted ? createdAt.toISOString() : null,
      }),
    );
    return {
      id,
      type,
      title: `${proposer.name} and ${partners[0].name}: ${random.pick(['cooperation', 'exchange', 'partnership', 'programme'])} ${nameOf(i)}`,
      description: null,
      status,
      proposer_city_id: proposer.id,
      cooperation_areas: random.some(AREAS, 1, 3),
      sdg_tags: random.some(
        [...Array(17).keys()].map((n) => n + 1),
        0,
        3,
      ),
      start_date: random.next() < 0.95 ? day(started) : null,
      end_date: null,
      agreement: null,
      activated_at: activatedAt?.toISOString() ?? null,
      last_activity_on: accepted ? day(createdAt) : null,
      dormant_since: null,
      renewal_reminded_for: null,
      version: accepted ? 1 + partnerCount : 1,
      created_at: createdAt.toISOString(),
      updated_at: createdAt.toISOString(),
    };
  });

  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(
      `insert into cities.cities select * from json_populate_recordset(null::cities.cities, $1::json)`,
      [JSON.stringify(cities.map((city) => snakeRow(city)))],
    );
    await client.query(
      `insert into partnerships.partnerships
         select * from json_populate_recordset(null::partnerships.partnerships, $1::json)`,
      [JSON.stringify(partnershipRows)],
    );
    await client.query(
      `insert into partnerships.participants
         select * from json_populate_recordset(null::partnerships.participants, $1::json)`,
      [JSON.stringify(participantRows)],
    );
    await client.query('commit');
    // Fresh statistics, as a database in service has: the planner sees 1,000 rows, not an empty table.
    await client.query('analyze cities.cities, partnerships.partnerships, partnerships.participants');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return {
    cityIds: cities.map((city) => city.id),
    placed: cities.filter((city) => city.latitude !== null).length,
    partnershipIds: partnershipRows.map((row) => row.id),
    byStatus,
  };
}
