import Fastify, { type FastifyInstance } from 'fastify';
import { replyWithProblem } from '@c2c/platform';
import { answerUndeclaredMethods } from './method-not-allowed';

describe('answerUndeclaredMethods', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = Fastify();
    app.setErrorHandler((error, request, reply) => replyWithProblem(error, request, reply));
    answerUndeclaredMethods(app);
    app.get('/cities/:id', async () => ({ ok: true }));
    app.patch('/cities/:id', async () => ({ ok: true }));
    app.post('/cities/:id/archive', async () => ({ ok: true }));
    await app.ready();
  });
  afterAll(() => app.close());

  // QUERY and TRACE are not in Fastify's method type; the request carries the name as given.
  const inject = (method: string, url: string) => app.inject({ method: method as 'GET', url });

  it('answers a method the path does not have with 405 and the methods it has in Allow', async () => {
    const reply = await app.inject({ method: 'DELETE', url: '/cities/7?x=1' });
    expect(reply.statusCode).toBe(405);
    expect(reply.headers.allow).toBe('GET, HEAD, PATCH');
    const problem = reply.json<{ type: string; status: number }>();
    expect(problem.type).toMatch(/method-not-allowed$/);
    expect(problem.status).toBe(405);
  });

  it('answers before a body is read: QUERY without a Content-Type is a 405, not a 400', async () => {
    const reply = await inject('QUERY', '/cities/7/archive');
    expect(reply.statusCode).toBe(405);
    expect(reply.headers.allow).toBe('POST');
  });

  it('leaves declared methods, HEAD, OPTIONS and unknown paths to the router', async () => {
    expect((await app.inject({ method: 'GET', url: '/cities/7' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'HEAD', url: '/cities/7' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'OPTIONS', url: '/cities/7' })).statusCode).toBe(404);
    expect((await inject('TRACE', '/towns/7')).statusCode).toBe(404);
  });
});
