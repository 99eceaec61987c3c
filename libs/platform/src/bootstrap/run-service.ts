import { DynamicModule, INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ConfigError } from '../config/load-config';
import { failureMessage } from './run-job';
import { correlationIdOf, requestIdOf, traceIdOf } from '../logging/logging.module';
import { createServiceLogger, PinoNestLogger } from '../logging/pino-nest-logger';
import { ServiceConfig } from '../config/common-config';
import { ProblemFilter, replyWithProblem } from '../http/problem.filter';
import { validationProblem } from '../http/validation';
import { Problem, ProblemType } from '../http/problem';
import { DEFAULT_BODY_LIMIT_BYTES, installInputRules } from '../http/untrusted-input';
import { readinessOfServer } from '../health/readiness';
import { shutDownGracefully, type ShutdownSteps } from './graceful-shutdown';

export interface ServiceAppOptions {
  /**
   * Largest request body accepted, in bytes; larger ones get 413 before any parsing. Defaults to
   * {@link DEFAULT_BODY_LIMIT_BYTES}, sized to the largest valid body of any service.
   */
  bodyLimit?: number;
  /**
   * Which proxies' X-Forwarded-* headers to believe (Fastify's `trustProxy`). None by default: any
   * caller can write the header, so believing it lets one pose as another address. A service's
   * `request.ip` is then the gateway's (whose own log has the client's); the gateway, facing clients,
   * names its ingress (`TRUST_PROXY`).
   */
  trustProxy?: boolean | string | number;
  /**
   * Headers set on every answer, from the first hook on (so 404s and refusals carry them too): the
   * gateway's security headers. Routes may override them.
   */
  responseHeaders?: Readonly<Record<string, string>>;
  /**
   * Whether the main port serves `/metrics` (when no `METRICS_PORT` moves it to the management port):
   * yes for internal services, which only the cluster reaches; `false` for an app facing the internet
   * (the gateway), whose main port then answers `/metrics` with 404.
   */
  metricsOnMainPort?: boolean;
  /** Runs on the app before its modules start: Fastify plugins, hooks and documentation go here. */
  configure?: (app: NestFastifyApplication) => Promise<void> | void;
}

/**
 * The longest path parameter the router matches. Every id of the API is a UUID (36 characters) and
 * no path segment is longer; the limit only bounds the router's work on a crafted URL.
 */
export const MAX_PATH_PARAMETER_LENGTH = 100;

/**
 * A 400 for the router's refusals: Fastify's own status for a long segment is 414, which no
 * operation documents and which says less than "this is no id of ours".
 */
function routerProblem(error: FastifyError): Problem | Error {
  switch (error.code) {
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new Problem(
        ProblemType.BadRequest,
        `a path segment is longer than ${MAX_PATH_PARAMETER_LENGTH} characters`,
      );
    case 'FST_ERR_BAD_URL':
      return new Problem(ProblemType.BadRequest, 'the path is not a valid URL (a malformed %-escape)');
    default:
      // An async constraint that failed: a fault of ours, logged and answered as a plain 500.
      return error;
  }
}

/**
 * Validation for every HTTP edge: unknown fields are an error (not silently dropped), values are
 * converted to the DTO's types, and failures become a `validation-error` problem naming each field.
 */
export const strictValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: validationProblem,
  });

/**
 * Builds the Nest app on Fastify with the platform's logger, validation and problem+json errors;
 * tests use it too.
 */
export async function createServiceApp(
  module: DynamicModule,
  options: ServiceAppOptions = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT_BYTES,
    // Fastify 5.12's types leave out the hop count (a number) that its runtime accepts.
    trustProxy: (options.trustProxy ?? false) as boolean | string,
    genReqId: requestIdOf,
    routerOptions: { maxParamLength: MAX_PATH_PARAMETER_LENGTH },
    // Errors Fastify's router raises before any hook runs (a path segment past the length above, a
    // malformed percent-escape) get the platform's problem+json and headers, not Fastify's own JSON.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      void reply.headers(options.responseHeaders ?? {});
      replyWithProblem(routerProblem(error), request, reply);
    },
  });
  // One request id from the first hook on, so the log line, the X-Request-Id header and a problem's
  // requestId agree even for requests that never reach a route (404, body too large, rate limited).
  const responseHeaders = options.responseHeaders ?? {};
  adapter.getInstance().addHook('onRequest', (request, reply, done) => {
    (request.raw as { id?: string }).id = request.id;
    void reply.header('x-request-id', request.id).headers(responseHeaders);
    done();
  });
  if (options.metricsOnMainPort === false) {
    adapter.getInstance().addHook('onRequest', (request, _reply, done) => {
      if (request.url.split('?')[0] === '/metrics') {
        return done(new Problem(ProblemType.NotFound, `Cannot ${request.method} /metrics`));
      }
      done();
    });
  }
  // The platform parses JSON itself (with a depth limit) and no other body type: Nest's parsers stay off.
  installInputRules(adapter.getInstance());
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    bufferLogs: true,
    bodyParser: false,
  });
  const logger = loggerOf(app);
  app.useLogger(logger);
  logRequests(adapter, logger);
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  await options.configure?.(app);
  return app;
}

// Apps import LoggingModule; a test module that does not still gets JSON logs.
function loggerOf(app: NestFastifyApplication): PinoNestLogger {
  try {
    return app.get(PinoNestLogger);
  } catch {
    return new PinoNestLogger(createServiceLogger('service', process.env.LOG_LEVEL ?? 'info'));
  }
}

/**
 * Requests the platform's own machinery makes every few seconds: the orchestrator's probes, the
 * scraper, and the services polling the gateway's keys and revocation feed. Logging each of them
 * would bury the requests people make; they are logged only when they fail.
 */
const isMachineTraffic = (url: string): boolean =>
  url.startsWith('/health') || url === '/metrics' || url.startsWith('/.well-known/');

/**
 * One log line per request with its request, correlation and trace ids, at a level that follows the
 * status; machine traffic only when it fails. (HealthModule adds the duration histogram's hook.)
 */
function logRequests(adapter: FastifyAdapter, logger: PinoNestLogger): void {
  const pino = logger.pino;
  adapter.getInstance().addHook('onResponse', (request, reply, done) => {
    const status = reply.statusCode;
    const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
    if (pino.isLevelEnabled(level) && !(status < 400 && isMachineTraffic(request.url))) {
      pino[level](
        {
          reqId: request.id,
          correlationId: correlationIdOf(request.raw) ?? request.id,
          traceId: traceIdOf(request.raw),
          method: request.method,
          url: request.url,
          status,
          ms: Math.round(reply.elapsedTime * 10) / 10,
        },
        'request',
      );
    }
    done();
  });
}

/**
 * The app's part of {@link shutDownGracefully}. Nest's `app.close()` alone would stop messaging
 * (its `beforeApplicationShutdown`) before it closes the HTTP server, so requests would still be
 * taken, and their events written, by an instance whose relay had stopped. Fastify is closed first
 * here; Nest's own close of it later finds it closed, which Fastify allows.
 */
function shutdownStepsOf(app: NestFastifyApplication): ShutdownSteps {
  return {
    // An app without HealthModule has no readiness to turn down.
    markUnready: () => readinessOfServer(app.getHttpAdapter().getInstance())?.beginShutdown(),
    closeHttp: () => app.getHttpAdapter().getInstance().close(),
    closeApp: () => app.close(),
  };
}

function exitOnFailure(error: unknown): never {
  process.stderr.write(`${error instanceof ConfigError ? '' : 'fatal: '}${failureMessage(error)}\n`);
  process.exit(1);
}

/**
 * main.ts of every service: read the configuration (a bad one exits non-zero naming the variable),
 * build the app (which runs migrations), listen, and stop within the shutdown deadline on SIGTERM.
 */
export async function runService<C extends ServiceConfig>(
  name: string,
  readConfig: () => C,
  buildModule: (config: C) => DynamicModule,
  options?: ServiceAppOptions | ((config: C) => ServiceAppOptions),
): Promise<INestApplication> {
  let config: C;
  try {
    config = readConfig();
  } catch (error) {
    exitOnFailure(error);
  }
  try {
    const app = await createServiceApp(
      buildModule(config),
      typeof options === 'function' ? options(config) : options,
    );
    // Graceful stop: stop taking requests, let messaging finish its batch, close the database, exit 0;
    // past the deadline, exit 1 rather than hang until the orchestrator kills the pod. A second
    // signal (SIGINT after SIGTERM) joins the shutdown under way rather than starting another.
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      void shutDownGracefully(shutdownStepsOf(app), {
        timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
        onProblem: (message, error) =>
          process.stderr.write(
            `${name}: ${message}${error === undefined ? '' : `: ${failureMessage(error)}`}\n`,
          ),
      }).then((code) => process.exit(code));
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    await app.listen(config.PORT, config.HOST);
    loggerOf(app).log(`${name} listening on ${await app.getUrl()}`);
    return app;
  } catch (error) {
    exitOnFailure(error);
  }
}
