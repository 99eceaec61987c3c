import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { Registry } from 'prom-client';
import { ServiceConfig } from '../config/common-config';

const CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/**
 * The management listener: `/metrics` on `METRICS_HOST:METRICS_PORT` (loopback unless said), apart
 * from the port clients reach, so a scrape target never has to be public. Started with the app when
 * `METRICS_PORT` is set; the main port then stops serving `/metrics`.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('metrics');
  private server: Server | undefined;

  constructor(
    private readonly registry: Registry,
    @Optional() @Inject(ServiceConfig) private readonly config?: ServiceConfig,
  ) {}

  /** Whether `/metrics` lives on the management port (and so not on the main one). */
  get enabled(): boolean {
    return this.config?.METRICS_PORT !== undefined;
  }

  /** Where the management listener listens, once started: `http://127.0.0.1:9464`. */
  get url(): string | undefined {
    const address = this.server?.address() as AddressInfo | null | undefined;
    return address ? `http://${address.address}:${address.port}` : undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    const port = this.config?.METRICS_PORT;
    if (port === undefined || this.server !== undefined) return;
    const server = createServer((request, response) => {
      if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
        return;
      }
      this.registry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': CONTENT_TYPE }).end(text),
        (error: unknown) => {
          this.logger.error({ err: error }, 'metrics collection failed');
          response.writeHead(500, { 'content-type': 'text/plain' }).end('metrics collection failed\n');
        },
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.config?.METRICS_HOST ?? '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.logger.log(`metrics on ${this.url}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
