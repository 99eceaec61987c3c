/**
 * Bare Fastify taking the end-to-end benchmark's request, `POST /api/v1/cities` with its JSON body,
 * and answering 201 with an id, no policy, no database, no broker: one of the end-to-end anchors
 * (what one Node process answers under the same generator on this machine). Its own process.
 *   env: PORT
 */
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.post('/api/v1/cities', (request, reply) => {
  const { name } = request.body as { name: string };
  return reply.code(201).send({ id: randomUUID(), name });
});
app.get('/health/ready', () => ({ status: 'ok' }));
void app.listen({ port: Number(process.env.PORT ?? 3300), host: '127.0.0.1' });
