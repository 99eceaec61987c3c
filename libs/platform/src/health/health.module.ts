import { Global, Module } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { TerminusModule } from '@nestjs/terminus';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { MetricsController } from '../metrics/metrics.controller';
import { MetricsServer } from '../metrics/metrics-server';
import { HttpMetrics } from '../metrics/http-metrics';
import { HealthController } from './health.controller';
import { attachReadiness, ReadinessChecks } from './readiness';

/**
 * What operators look at: `/health/live`, `/health/ready` and `/metrics` (Prometheus), the latter on
 * the management port when `METRICS_PORT` is set. Each app has a registry of its own (process metrics
 * included) that its modules add to.
 */
@Global()
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController, MetricsController],
  providers: [
    {
      provide: ReadinessChecks,
      inject: [HttpAdapterHost],
      useFactory: (host: HttpAdapterHost) => {
        const readiness = new ReadinessChecks();
        const fastify = host.httpAdapter?.getInstance<FastifyInstance>();
        if (fastify) attachReadiness(fastify, readiness);
        return readiness;
      },
    },
    MetricsServer,
    {
      provide: Registry,
      useFactory: () => {
        const registry = new Registry();
        collectDefaultMetrics({ register: registry });
        return registry;
      },
    },
    {
      // Every answered request, machine traffic included, observed by route template from a Fastify
      // hook: added while the app's modules start, before the server is ready.
      provide: HttpMetrics,
      inject: [Registry, HttpAdapterHost],
      useFactory: (registry: Registry, host: HttpAdapterHost) => {
        const metrics = new HttpMetrics(registry);
        const fastify = host.httpAdapter?.getInstance<FastifyInstance>();
        fastify?.addHook('onResponse', (request, reply, done) => {
          metrics.observe(
            request.method,
            request.routeOptions.url,
            reply.statusCode,
            reply.elapsedTime / 1_000,
          );
          done();
        });
        return metrics;
      },
    },
  ],
  exports: [ReadinessChecks, Registry, MetricsServer],
})
export class HealthModule {}
