import { Controller, Get, Header } from '@nestjs/common';
import { Problem, ProblemType } from '../http/problem';
import { MetricsServer } from './metrics-server';
import { ApiExcludeController } from '@nestjs/swagger';
import { Registry } from 'prom-client';
import { Public } from '../http/public.decorator';

/**
 * Prometheus scrape endpoint on the main port, for internal services whose port only the cluster
 * reaches; the scraper has no token, and nothing here is personal data. Not served here when the
 * management port ({@link MetricsServer}) is configured, nor on an app built with
 * `metricsOnMainPort: false` (the internet-facing gateway).
 */
@Public()
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly registry: Registry,
    private readonly managementPort: MetricsServer,
  ) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    if (this.managementPort.enabled) throw new Problem(ProblemType.NotFound, 'Cannot GET /metrics');
    return this.registry.metrics();
  }
}
