import Fastify from 'fastify';
import { controlCharacterFields, installInputRules, jsonDepth } from './untrusted-input';

describe('jsonDepth', () => {
  it('counts containers, not scalars', () => {
    expect(jsonDepth('x')).toBe(0);
    expect(jsonDepth([])).toBe(1);
    expect(jsonDepth({ a: [{ b: 1 }] })).toBe(3);
  });

  it('walks a million levels without recursion, and stops past the limit', () => {
    const deep = JSON.parse('['.repeat(1_000_000) + ']'.repeat(1_000_000)) as unknown;
    expect(jsonDepth(deep, 32)).toBe(33);
  });
});

describe('controlCharacterFields', () => {
  it('names strings and keys by their dotted path, the root as (body)', () => {
    expect(controlCharacterFields({ a: ['ok', 'b\u0000'], 'k\u0001': 1, t: 'tab\tcr\rlf\n' })).toEqual([
      'a.1',
      'k\u0001',
    ]);
    expect(controlCharacterFields('\u007f')).toEqual(['(body)']);
    expect(controlCharacterFields({ q: 'ünïcødé 東京' })).toEqual([]);
  });
});

describe('installInputRules', () => {
  const app = Fastify();
  installInputRules(app);
  app.post('/things', async (request) => ({ got: request.body }));
  afterAll(() => app.close());

  const post = (payload: string) =>
    app.inject({ method: 'POST', url: '/things', headers: { 'content-type': 'application/json' }, payload });

  it('takes a JSON object', async () => {
    const reply = await post('{"name":"Tehran"}');
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toEqual({ got: { name: 'Tehran' } });
  });

  it.each(['null', '7', '"x"', '[]', 'true'])(
    'refuses %s as a body: no route takes anything but an object',
    async (payload) => {
      const reply = await post(payload);
      expect(reply.statusCode).toBe(400);
    },
  );
});
