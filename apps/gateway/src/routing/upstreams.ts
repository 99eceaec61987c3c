import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Problem, ProblemType } from '@c2c/platform';
import { GatewayConfig } from '../config';
import { ServiceClient } from './service-client';

import type { ServiceName } from '../openapi/service-api-documents';

export type { ServiceName };

/**
 * One client (connection pool and circuit breaker) per service, from the configured base URLs. A
 * service without a URL has no client: nothing, callers' tokens included, is sent to an address
 * where no one was configured to listen.
 */
@Injectable()
export class Upstreams implements OnApplicationShutdown {
  private readonly logger = new Logger(Upstreams.name);
  private readonly clients: Partial<Record<ServiceName, ServiceClient>>;

  constructor(config: GatewayConfig) {
    const options = {
      timeoutMs: config.UPSTREAM_TIMEOUT_MS,
      connectTimeoutMs: config.UPSTREAM_CONNECT_TIMEOUT_MS,
      retries: config.UPSTREAM_RETRIES,
      breaker: {
        resetMs: config.BREAKER_RESET_MS,
        errorPercent: config.BREAKER_ERROR_PERCENT,
        volumeThreshold: config.BREAKER_VOLUME_THRESHOLD,
      },
    };
    const urls: Record<ServiceName, string | undefined> = {
      cities: config.CITIES_URL,
      partnerships: config.PARTNERSHIPS_URL,
      commissions: config.COMMISSIONS_URL,
      notifications: config.NOTIFICATIONS_URL,
    };
    this.clients = Object.fromEntries(
      Object.entries(urls)
        .filter((entry): entry is [ServiceName, string] => entry[1] !== undefined)
        .map(([service, url]) => [service, new ServiceClient(service, url, options)]),
    );
    // An open circuit is an outage seen from the gateway: operators should read it in the logs.
    for (const client of this.configured()) {
      client.onStateChange((state) => {
        if (state === 'open') this.logger.warn(`circuit to the ${client.service} service opened`);
        else this.logger.log(`circuit to the ${client.service} service is ${state}`);
      });
    }
  }

  /** Whether the service has a configured address. */
  has(service: ServiceName): boolean {
    return this.clients[service] !== undefined;
  }

  /** The service's client; a 503 naming the service when it has no configured address. */
  of(service: ServiceName): ServiceClient {
    const client = this.clients[service];
    if (client === undefined) {
      throw new Problem(ProblemType.ServiceUnavailable, `the ${service} service is not configured`, {
        extensions: { service },
      });
    }
    return client;
  }

  private configured(): ServiceClient[] {
    return Object.values(this.clients).filter((client) => client !== undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.configured().map((client) => client.close()));
  }
}
