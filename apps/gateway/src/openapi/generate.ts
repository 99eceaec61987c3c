import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { AppModule } from '../app.module';
import { readGatewayConfig } from '../config';
import { buildOpenApiDocument, serialiseOpenApi } from './openapi-document';

/**
 * The OpenAPI document exactly as `docs/openapi.json` holds it, from the module metadata alone: the
 * app is created in preview mode, so no provider runs and no database is needed.
 */
export async function generateOpenApiText(): Promise<string> {
  const config = readGatewayConfig({
    NODE_ENV: 'development',
    DATABASE_URL: 'postgres://openapi@127.0.0.1:1/unused',
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.create(AppModule.forRoot(config), new FastifyAdapter(), {
    preview: true,
    logger: false,
  });
  try {
    return serialiseOpenApi(buildOpenApiDocument(app));
  } finally {
    await app.close();
  }
}
