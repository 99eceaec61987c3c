import { randomUUID } from 'node:crypto';
import type { TestCaller } from '@c2c/auth/testing';
import { CommandAnswersSweep } from '@c2c/service';
import { ServiceWorld, type RunningService } from '@c2c/service/testing';
import { eventually, type HttpResponse, type TopicRecorder } from '@c2c/testing';
import { DataSource } from 'typeorm';
import type { CitiesConfig } from '../src/config';
import { CITIES, eventsOf } from './support/cities';

// The gateway forgets an Idempotency-Key whose forward got no answer (its 504, its own crash), so a
// client's retry of a command that did commit reaches the service again: the service must recognise it.
describe('cities: a keyed command has its effects once, however often it arrives', () => {
  let world: ServiceWorld;
  let cities: RunningService<CitiesConfig>;
  let recorder: TopicRecorder;
  let database: DataSource;
  const officer: TestCaller = { roles: ['secretariat'], userId: randomUUID() };

  beforeAll(async () => {
    world = await ServiceWorld.create('cities_replay');
    recorder = await world.record('c2c.cities.v1');
    // Answers kept 2 h instead of the default 24 h, for the sweep's test below.
    cities = await world.start(CITIES, { COMMAND_ANSWER_TTL_HOURS: '2' });
    database = cities.get(DataSource);
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  const register = (name: string, key: string, as: TestCaller = officer): Promise<HttpResponse> =>
    cities.call('POST', '/cities', {
      body: { name, countryCode: 'MN', level: 'municipality' },
      headers: { 'idempotency-key': key },
      as,
    });

  async function rowsNamed(name: string): Promise<number> {
    const [row] = (await database.query('select count(*)::int as n from cities.cities where name = $1', [
      name,
    ])) as { n: number }[];
    return row?.n ?? -1;
  }

  async function answersKeptFor(key: string): Promise<number> {
    const [row] = (await database.query(
      'select count(*)::int as n from cities.command_answers where idempotency_key = $1',
      [key],
    )) as { n: number }[];
    return row?.n ?? -1;
  }

  it('answers a repeated command with the first answer, without a second row or event', async () => {
    const key = randomUUID();
    const first = await register('Erdenet', key);
    expect(first.statusCode).toBe(201);
    const again = await register('Erdenet', key);
    expect(again.statusCode).toBe(201);
    expect(again.body).toBe(first.body);
    expect(again.headers).toMatchObject({ location: first.headers.location, etag: first.headers.etag });

    expect(await rowsNamed('Erdenet')).toBe(1);
    expect(await answersKeptFor(key)).toBe(1);
    const id = first.json<{ id: string }>().id;
    await eventually(() => expect(eventsOf(recorder, 'c2c.city.registered.v1', id)).toHaveLength(1));
  });

  it('runs copies that arrive together once: each waits for the first and gets its answer', async () => {
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 4 }, () => register('Darkhan', key)));
    expect(answers.map((answer) => answer.statusCode)).toEqual([201, 201, 201, 201]);
    expect(new Set(answers.map((answer) => answer.json<{ id: string }>().id)).size).toBe(1);
    expect(await rowsNamed('Darkhan')).toBe(1);
  });

  it('takes no second connection for a keyed command: three times the pool at once all succeed', async () => {
    // The registration reads by name before it writes; had the kept answer's transaction been opened
    // first, each request would hold one connection while waiting for another, and the pool (10) would
    // run dry. The transaction opens at the use case's first write instead.
    const names = Array.from({ length: 30 }, (_, i) => `Bayan-Ölgii ${i}`);
    const answers = await Promise.all(names.map((name) => register(name, randomUUID())));
    expect(answers.map((answer) => answer.statusCode)).toEqual(names.map(() => 201));
  });

  it('keeps nothing for a refused command, so its retry runs again', async () => {
    expect((await register('Choibalsan', randomUUID())).statusCode).toBe(201);
    const key = randomUUID();
    const refused = await register('Choibalsan', key);
    expect(refused.statusCode).toBe(409);
    expect(await answersKeptFor(key)).toBe(0);
    expect((await register('Choibalsan', key)).statusCode).toBe(409);
  });

  it("never answers one caller's command with another's, nor another request's under the same key", async () => {
    const key = randomUUID();
    expect((await register('Khovd', key)).statusCode).toBe(201);
    // Another caller with the same key and body: a command of its own, here a duplicate city.
    const stranger = await register('Khovd', key, { roles: ['secretariat'], userId: randomUUID() });
    expect(stranger.statusCode).toBe(409);
    // The same caller and key with another body: another request, which runs.
    const other = await register('Ulaangom', key);
    expect(other.statusCode).toBe(201);
    expect(await rowsNamed('Ulaangom')).toBe(1);
  });

  it('sweeps the answers older than COMMAND_ANSWER_TTL_HOURS and keeps the younger ones', async () => {
    const [old, young] = [randomUUID(), randomUUID()];
    expect((await register('Sainshand', old)).statusCode).toBe(201);
    expect((await register('Baruun-Urt', young)).statusCode).toBe(201);
    const age = (key: string, hours: number) =>
      database.query(
        `update cities.command_answers set answered_at = now() - make_interval(hours => $2) where idempotency_key = $1`,
        [key, hours],
      );
    await age(old, 3);
    await age(young, 1);

    expect(await cities.get(CommandAnswersSweep).sweep()).toBeGreaterThanOrEqual(1);
    expect(await answersKeptFor(old)).toBe(0);
    expect(await answersKeptFor(young)).toBe(1);
  });

  it('runs a command without the header every time', async () => {
    const body = { name: 'Mörön', countryCode: 'MN', level: 'municipality' };
    expect((await cities.call('POST', '/cities', { body, as: officer })).statusCode).toBe(201);
    expect((await cities.call('POST', '/cities', { body, as: officer })).statusCode).toBe(409);
  });
});
