import { Controller, Get, Logger, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '../http/public.decorator';
import { ReadinessChecks } from './readiness';

const CHECK_TIMEOUT_MS = 2_000;

/**
 * How long one readiness answer is reused. Probes come every few seconds from each orchestrator node
 * and load balancer, and anyone who reaches the port can send more: without this, each probe would
 * be a database query and a broker round trip.
 */
export const READINESS_CACHE_MS = 1_000;

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

type DependencyStatus = { status: 'up' } | { status: 'down' };

/** The body of `/health/ready`, in terminus's shape: which dependency is up or down, never why. */
export interface ReadinessAnswer {
  status: 'ok' | 'error';
  info: Record<string, DependencyStatus>;
  error: Record<string, DependencyStatus>;
  details: Record<string, DependencyStatus>;
}

const SHUTDOWN_DOWN: Record<string, DependencyStatus> = { shutdown: { status: 'down' } };
/** The answer once shutdown began: the instance itself is going, whatever its dependencies say. */
const SHUTTING_DOWN: ReadinessAnswer = {
  status: 'error',
  info: {},
  error: SHUTDOWN_DOWN,
  details: SHUTDOWN_DOWN,
};

// Probes come from the orchestrator, which has no token.
@Public()
@ApiExcludeController()
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('health');
  private last: { at: number; answer: Promise<ReadinessAnswer> } | undefined;

  constructor(
    private readonly health: HealthCheckService,
    private readonly readiness: ReadinessChecks,
  ) {}

  /** Live: the process serves HTTP. Never checks dependencies, so a broker outage restarts nothing. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /**
   * Ready: every registered dependency answered within its timeout. The answer names the dependency
   * that is down and nothing more (a connection error carries hosts and ports); the reason goes to
   * the log. One answer serves every probe for {@link READINESS_CACHE_MS}, concurrent ones included.
   * Once shutdown began it is 503 naming `shutdown`, at once.
   */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessAnswer> {
    if (this.readiness.shuttingDown) {
      void reply.status(503);
      return SHUTTING_DOWN;
    }
    const now = performance.now();
    if (this.last === undefined || now - this.last.at >= READINESS_CACHE_MS) {
      this.last = { at: now, answer: this.check() };
    }
    const answer = await this.last.answer;
    if (answer.status === 'error') void reply.status(503);
    return answer;
  }

  private async check(): Promise<ReadinessAnswer> {
    const results = await Promise.all(
      this.readiness.entries().map(async ([name, check]): Promise<[string, DependencyStatus]> => {
        try {
          await withTimeout(check(), CHECK_TIMEOUT_MS);
          return [name, { status: 'up' }];
        } catch (error) {
          this.logger.warn({ dependency: name, err: error }, `${name} is not ready`);
          return [name, { status: 'down' }];
        }
      }),
    );
    const details = Object.fromEntries(results);
    const pick = (status: 'up' | 'down') =>
      Object.fromEntries(results.filter(([, result]) => result.status === status));
    const down = results.some(([, result]) => result.status === 'down');
    return { status: down ? 'error' : 'ok', info: pick('up'), error: pick('down'), details };
  }
}
