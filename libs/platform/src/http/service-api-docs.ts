import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

export interface ServiceApiDocs {
  title: string;
  description: string;
}

/**
 * A service's own OpenAPI document, from its controllers and DTOs: its part of the public contract.
 * The gateway composes the public API and its routing table from these documents (committed under
 * `docs/api/`), so an operation's id, roles and parameters are written once, in the service.
 */
export function buildServiceApiDocument(app: NestFastifyApplication, docs: ServiceApiDocs): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(docs.title)
    .setDescription(docs.description)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .build();
  return SwaggerModule.createDocument(app, config, { operationIdFactory: (_controller, method) => method });
}

/** A document as committed: pretty JSON with a final newline, so diffs stay readable. */
export const serialiseApiDocument = (document: object): string => `${JSON.stringify(document, null, 2)}\n`;

/**
 * Builds an app from its module metadata alone (`preview`: no provider runs, so no database or broker
 * is needed) and returns the document `build` makes of it.
 */
export async function generateApiDocument(
  module: DynamicModule,
  build: (app: NestFastifyApplication) => OpenAPIObject,
): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(module, new FastifyAdapter(), {
    preview: true,
    logger: false,
  });
  try {
    return build(app);
  } finally {
    await app.close();
  }
}

/**
 * What `npm run openapi` does for one document: write it, or with `--check` (CI) fail when the
 * committed file differs from what the code generates.
 */
export async function writeApiDocument(target: string, generate: () => Promise<object>): Promise<void> {
  const generated = serialiseApiDocument(await generate());
  const relative = path.relative(process.cwd(), target);
  if (process.argv.includes('--check')) {
    let committed: string | undefined;
    try {
      committed = readFileSync(target, 'utf8');
    } catch {
      committed = undefined;
    }
    if (committed !== generated) {
      process.stderr.write(`${relative} is out of date: run npm run openapi\n`);
      process.exitCode = 1;
      return;
    }
    process.stdout.write(`${relative} is up to date\n`);
    return;
  }
  writeFileSync(target, generated);
  process.stdout.write(`wrote ${relative}\n`);
}
