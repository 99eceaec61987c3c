/**
 * Bare Fastify answering `GET /api/v1/me` with a fixed JSON of the same shape, no policy at all: the
 * limit the gateway benchmark shows beside its figures (what this machine and load generator allow
 * for one Node process), not a target. Its own process, as every server of the benchmark.
 *   env: PORT
 */
import Fastify from 'fastify';

const ME = {
  userId: '00000000-0000-4000-8000-000000000000',
  email: 'admin@c2c.local',
  roles: ['secretariat'],
  commissionIds: [],
};

const app = Fastify({ logger: false });
app.get('/api/v1/me', () => ME);
app.get('/health/ready', () => ({ status: 'ok' }));
void app.listen({ port: Number(process.env.PORT ?? 3200), host: '127.0.0.1' });
