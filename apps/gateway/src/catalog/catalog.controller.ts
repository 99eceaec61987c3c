import { readFile } from 'node:fs/promises';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, Problem, ProblemType } from '@c2c/platform';
import type { FastifyReply } from 'fastify';
import { GatewayConfig } from '../config';
import { API_PREFIX, PublicRoute } from '../http/api';

/** The AsyncAPI document of every event subscribers can consume, as generated from the contracts. */
@ApiTags('events')
@Controller(`${API_PREFIX}/events`)
export class CatalogController {
  constructor(private readonly config: GatewayConfig) {}

  @PublicRoute()
  @Get('catalog')
  @ApiOperation({ operationId: 'getEventCatalog', summary: 'The AsyncAPI 3 document of the platform events' })
  @ApiProduces('application/yaml')
  @ApiResponse({
    status: 200,
    description: 'AsyncAPI 3 document (YAML).',
    // The schema of what the YAML says (a document), not of its text: a client parses it first.
    content: {
      'application/yaml': {
        schema: { type: 'object', required: ['asyncapi'], properties: { asyncapi: { type: 'string' } } },
      },
    },
  })
  @ApiProblemResponses(429, 503)
  async getEventCatalog(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    let document: string;
    try {
      // Read on each request: the file is small, asked for rarely, and may be regenerated meanwhile.
      document = await readFile(this.config.ASYNCAPI_PATH, 'utf8');
    } catch {
      throw new Problem(ProblemType.ServiceUnavailable, 'the event catalogue has not been generated', {
        extensions: { service: 'catalog' },
      });
    }
    void reply.type('application/yaml; charset=utf-8').header('cache-control', 'public, max-age=60');
    return document;
  }
}
