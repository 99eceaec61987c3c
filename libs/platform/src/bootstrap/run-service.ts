import { DynamicModule, INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { ConfigError } from '../config/load-config';
import { ServiceConfig } from '../config/common-config';

export interface ServiceAppOptions {
  /** Largest request body accepted, in bytes; larger ones get 413 before any parsing. */
  bodyLimit?: number;
}

/** Validation for every HTTP edge: unknown fields are an error, not silently dropped. */
export const strictValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
  });

/** Builds the Nest app on Fastify with the platform's logger and validation; tests use it too. */
export async function createServiceApp(
  module: DynamicModule,
  options: ServiceAppOptions = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: options.bodyLimit ?? 1_048_576, trustProxy: true });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(strictValidationPipe());
  app.enableShutdownHooks();
  return app;
}

function exitOnFailure(error: unknown): never {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `fatal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
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
  options?: ServiceAppOptions,
): Promise<INestApplication> {
  let config: C;
  try {
    config = readConfig();
  } catch (error) {
    exitOnFailure(error);
  }
  try {
    const app = await createServiceApp(buildModule(config), options);
    const deadline = config.SHUTDOWN_TIMEOUT_MS;
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        setTimeout(() => {
          process.stderr.write(`${name}: shutdown took longer than ${deadline} ms; exiting\n`);
          process.exit(1);
        }, deadline).unref();
      });
    }
    await app.listen(config.PORT, config.HOST);
    app.get(Logger).log(`${name} listening on ${await app.getUrl()}`);
    return app;
  } catch (error) {
    exitOnFailure(error);
  }
}
