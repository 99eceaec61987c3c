import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { HttpAdapterHost } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { authenticationHook, TokenVerifier } from '@c2c/auth';
import { createServiceApp, ServiceAppOptions } from '@c2c/platform';
import type { FastifyInstance } from 'fastify';
import { AppModule } from './app.module';
import { GatewayConfig, trustProxyOf } from './config';
import { IdempotencyService } from './http/idempotency/idempotency.service';
import { answerUndeclaredMethods } from './http/method-not-allowed';
import { requireDocumentedBodies } from './http/required-body';
import { ipRateLimit } from './http/rate-limit/rate-limits';
import { UserRateLimiter } from './http/rate-limit/user-rate-limiter';
import { requestPolicies } from './http/request-policies';
import { API_SECURITY_HEADERS, corsOptions, documentationSecurityHeaders } from './http/security';
import { serveConsole } from './console/serve-console';
import { serveDocs } from './openapi/docs-ui';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { readServiceApiDocuments } from './openapi/service-api-documents';
import { registerForwardedRoutes } from './routing/forwarded-routes';
import { ProxyService } from './routing/proxy.service';
import { routeTableOf } from './routing/route-table';

/**
 * What the gateway adds to every service's HTTP setup: its body limit and proxy trust, the API's
 * security headers, 405 for a method a path does not have, CORS, the per-IP rate limit, idempotency bookkeeping, the routes it forwards (from
 * the services' own OpenAPI documents), the interactive docs of the composed public document and the
 * web console.
 * Plugins are registered before the routes, so their hooks apply to every route.
 */
export function gatewayAppOptions(config: GatewayConfig): ServiceAppOptions {
  return {
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: trustProxyOf(config),
    responseHeaders: API_SECURITY_HEADERS,
    // The public port never answers /metrics (a scrape tells an attacker too much); operators scrape
    // the loopback management listener that METRICS_PORT starts.
    metricsOnMainPort: false,
    configure: async (app: NestFastifyApplication) => {
      // Typed with the workspace's fastify, whose declarations the plugins augment (Nest's adapter
      // bundles its own copy of fastify's types).
      const fastify = app.get(HttpAdapterHost).httpAdapter.getInstance<FastifyInstance>();
      // First, so that it learns every route registered after it: Nest's and the forwarded ones.
      answerUndeclaredMethods(fastify);
      await fastify.register(cors, corsOptions(config));
      await fastify.register(rateLimit, ipRateLimit(config));
      const idempotency = app.get(IdempotencyService);
      // Per request, in order: per-IP limit (onRequest), authentication (preValidation, after the
      // body is read), per-user limit and idempotency (preHandler), then the route: Nest's guard,
      // pipes and handler, or a forwarded route's own checks.
      fastify.addHook('preValidation', authenticationHook(app.get(TokenVerifier)));
      fastify.addHook('preHandler', requestPolicies(app.get(UserRateLimiter), idempotency));
      fastify.addHook('onSend', (request, reply, payload, done) => {
        // Most answers have no idempotency key to settle: keep them off the promise path.
        if (!idempotency.isPending(request)) return done(null, payload);
        idempotency.finish(request, reply, payload).then(() => done(null, payload), done);
      });
      const services = readServiceApiDocuments(config.SERVICE_API_DOCS_DIR);
      registerForwardedRoutes(fastify, routeTableOf(services), app.get(ProxyService));
      const document = buildOpenApiDocument(app, services);
      requireDocumentedBodies(fastify, document);
      await serveDocs(fastify, document, await documentationSecurityHeaders());
      await serveConsole(fastify, config.CONSOLE_DIR);
    },
  };
}

/** The gateway app as main.ts builds it; tests and the benchmark use this too. */
export function createGatewayApp(config: GatewayConfig): Promise<NestFastifyApplication> {
  return createServiceApp(AppModule.forRoot(config), gatewayAppOptions(config));
}
