import { Injectable } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

/** A dependency's readiness: resolves when it answers, throws (with why) when it does not. */
export type ReadinessCheck = () => Promise<void>;

/**
 * Modules register what the service cannot work without (its database, the broker); `/health/ready`
 * asks each of them (at most once a second), so readiness follows a dependency going away and coming
 * back.
 */
@Injectable()
export class ReadinessChecks {
  private readonly checks = new Map<string, ReadinessCheck>();
  private stopping = false;

  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  entries(): [string, ReadinessCheck][] {
    return [...this.checks.entries()];
  }

  /**
   * Shutdown began: readiness answers 503 from now on, at once (not after the cached answer
   * expires) and without asking any dependency, so the load balancer sends this instance nothing new.
   */
  beginShutdown(): void {
    this.stopping = true;
  }

  get shuttingDown(): boolean {
    return this.stopping;
  }
}

// The readiness of each app's HTTP server, set by HealthModule as the app's modules start: the
// shutdown sequence finds it here, without asking Nest for a provider an app may not have (a lookup
// of a missing provider makes Nest exit the process).
const readinessByServer = new WeakMap<object, ReadinessChecks>();

/**
 * Ties readiness to the app's Fastify server: once shutdown began, each answer closes its
 * connection. The listener is closed by then, but a kept-alive connection whose request was running
 * would stay open after its answer and hold the process until the client or the keep-alive timeout
 * let it go.
 */
export function attachReadiness(server: FastifyInstance, readiness: ReadinessChecks): void {
  readinessByServer.set(server, readiness);
  server.addHook('onSend', (_request, reply, payload, done) => {
    if (readiness.shuttingDown) void reply.header('connection', 'close');
    done(null, payload);
  });
}

/** The readiness HealthModule attached to this server; undefined in an app without HealthModule. */
export const readinessOfServer = (server: object): ReadinessChecks | undefined =>
  readinessByServer.get(server);
