import Fastify, { type FastifyInstance } from 'fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { installInputRules, replyWithProblem } from '@c2c/platform';
import { requireDocumentedBodies } from './required-body';

const DOCUMENT = {
  openapi: '3.1.0',
  info: { title: 'test', version: '1' },
  paths: {
    '/commissions/{id}': { patch: { requestBody: { required: true, content: {} }, responses: {} } },
    '/cities/{id}/archive': { post: { requestBody: { required: false, content: {} }, responses: {} } },
  },
} as unknown as OpenAPIObject;

describe('requireDocumentedBodies', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = Fastify();
    app.setErrorHandler((error, request, reply) => replyWithProblem(error, request, reply));
    installInputRules(app);
    requireDocumentedBodies(app, DOCUMENT);
    app.patch('/commissions/:id', async () => ({ ok: true }));
    app.post('/cities/:id/archive', async () => ({ ok: true }));
    await app.ready();
  });
  afterAll(() => app.close());

  it('refuses a route its document gives a required body when the request has none', async () => {
    const reply = await app.inject({ method: 'PATCH', url: '/commissions/7' });
    expect(reply.statusCode).toBe(400);
    expect(reply.json()).toMatchObject({ errors: [{ field: '(body)' }] });
  });

  it('passes a body, and a route whose body is optional without one', async () => {
    const patched = await app.inject({ method: 'PATCH', url: '/commissions/7', payload: { mandate: 'x' } });
    expect(patched.statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/cities/7/archive' })).statusCode).toBe(200);
  });
});
