import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { GatewayConfig } from '../config';
import { ServiceClient } from './service-client';

import type { ServiceName } from '../openapi/service-api-documents';

export type { ServiceName };

/** One client (connection pool and circuit breaker) per service, from the configured base URLs. */
@Injectable()
export class Upstreams implements OnApplicationShutdown {
  private readonly logger = new Logger(Upstreams.name);
  private readonly clients: Record<ServiceName, ServiceClient>;

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
    this.clients = {
      cities: new ServiceClient('cities', config.CITIES_URL, options),
      partnerships: new ServiceClient('partnerships', config.PARTNERSHIPS_URL, options),
      commissions: new ServiceClient('commissions', config.COMMISSIONS_URL, options),
      notifications: new ServiceClient('notifications', config.NOTIFICATIONS_URL, options),
    };
    // An open circuit is an outage seen from the gateway: operators should read it in the logs.
    for (const client of Object.values(this.clients)) {
      client.onStateChange((state) => {
        if (state === 'open') this.logger.warn(`circuit to the ${client.service} service opened`);
        else this.logger.log(`circuit to the ${client.service} service is ${state}`);
      });
    }
  }

  of(service: ServiceName): ServiceClient {
    return this.clients[service];
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(Object.values(this.clients).map((client) => client.close()));
  }
}
