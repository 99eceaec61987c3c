import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { MetricsController } from '../metrics/metrics.controller';
import { MetricsServer } from '../metrics/metrics-server';
import { HealthController } from './health.controller';
import { ReadinessChecks } from './readiness';

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
    ReadinessChecks,
    MetricsServer,
    {
      provide: Registry,
      useFactory: () => {
        const registry = new Registry();
        collectDefaultMetrics({ register: registry });
        return registry;
      },
    },
  ],
  exports: [ReadinessChecks, Registry, MetricsServer],
})
export class HealthModule {}
