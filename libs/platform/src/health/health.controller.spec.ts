import type { FastifyReply } from 'fastify';
import type { HealthCheckService } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { ReadinessChecks } from './readiness';

function replyRecorder(): { reply: FastifyReply; status: () => number } {
  let code = 200;
  const reply = {
    status(value: number) {
      code = value;
      return reply;
    },
  };
  return { reply: reply as unknown as FastifyReply, status: () => code };
}

describe('HealthController.ready', () => {
  it('names the dependency that is down, without its error text, and answers 503', async () => {
    const checks = new ReadinessChecks();
    checks.register('postgres', () => Promise.resolve());
    checks.register('consumer', () => Promise.reject(new Error('broker 10.0.0.7:9092 refused')));
    const controller = new HealthController({} as HealthCheckService, checks);
    const { reply, status } = replyRecorder();

    const answer = await controller.ready(reply);

    expect(status()).toBe(503);
    expect(answer).toEqual({
      status: 'error',
      info: { postgres: { status: 'up' } },
      error: { consumer: { status: 'down' } },
      details: { postgres: { status: 'up' }, consumer: { status: 'down' } },
    });
    expect(JSON.stringify(answer)).not.toContain('9092');
  });

  it('asks each dependency once for probes that arrive within the cache period', async () => {
    const checks = new ReadinessChecks();
    const database = jest.fn(() => Promise.resolve());
    checks.register('postgres', database);
    const controller = new HealthController({} as HealthCheckService, checks);

    await Promise.all([1, 2, 3].map(() => controller.ready(replyRecorder().reply)));
    await controller.ready(replyRecorder().reply);

    expect(database).toHaveBeenCalledTimes(1);
  });
});

describe('HealthController.ready during shutdown', () => {
  it('answers 503 at once, naming shutdown, without asking any dependency or waiting for the cache', async () => {
    const checks = new ReadinessChecks();
    const database = jest.fn(() => Promise.resolve());
    checks.register('postgres', database);
    const controller = new HealthController({} as HealthCheckService, checks);
    await controller.ready(replyRecorder().reply); // a fresh answer of 200 is cached

    checks.beginShutdown();
    const { reply, status } = replyRecorder();
    const answer = await controller.ready(reply);

    expect(status()).toBe(503);
    expect(answer).toEqual({
      status: 'error',
      info: {},
      error: { shutdown: { status: 'down' } },
      details: { shutdown: { status: 'down' } },
    });
    expect(database).toHaveBeenCalledTimes(1);
  });
});
