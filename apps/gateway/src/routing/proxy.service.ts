import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isTraceparent } from '@c2c/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX } from '../http/api';
import { InternalTokensService } from '../tokens/internal-tokens.service';
import { HttpMethod, UpstreamResponse } from './service-client';
import { ServiceName, Upstreams } from './upstreams';

/**
 * Caller headers a service needs: for which request, and on what conditions. Not the caller's
 * `authorization`: a service gets an internal token for its own audience instead (see
 * InternalTokensService), so a client's token never works on a service directly.
 */
const FORWARDED_REQUEST_HEADERS = [
  'idempotency-key',
  'if-match',
  'if-none-match',
  'accept',
  'accept-language',
  'tracestate',
] as const;
/** Service headers the client needs; anything else (server, connection details) stays inside. */
const RETURNED_RESPONSE_HEADERS = ['content-type', 'etag', 'retry-after', 'cache-control', 'link'] as const;
const PREFIX = `/${API_PREFIX}`;

/**
 * The headers sent to a service on behalf of a client request: the caller's credentials and
 * preconditions, the request id, and a W3C traceparent: the client's when the platform's one rule
 * accepts it (so no service replaces it further on), else a new trace. With tracing on, the
 * ServiceClient puts its client span's in its place, which continues the same trace.
 */
export function forwardedHeaders(request: FastifyRequest): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const traceparent = request.headers.traceparent;
  headers.traceparent =
    typeof traceparent === 'string' && isTraceparent(traceparent)
      ? traceparent
      : `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
  headers['x-request-id'] = request.id;
  headers['x-forwarded-for'] = request.ip;
  headers['x-forwarded-proto'] = request.protocol;
  return headers;
}

/** Passes a client request to a service at the same path without `/api/v1`, and its answer back. */
@Injectable()
export class ProxyService {
  constructor(
    private readonly upstreams: Upstreams,
    private readonly internalTokens: InternalTokensService,
  ) {}

  async forward(service: ServiceName, request: FastifyRequest, reply: FastifyReply): Promise<Buffer> {
    const path = request.url.startsWith(PREFIX) ? request.url.slice(PREFIX.length) : request.url;
    const headers: Record<string, string> = {
      ...forwardedHeaders(request),
      ...(await this.internalTokens.headersFor(service, request)),
    };
    let body: string | undefined;
    if (request.body !== undefined && request.body !== null) {
      body = JSON.stringify(request.body);
      headers['content-type'] = 'application/json';
    }
    const response = await this.upstreams
      .of(service)
      .send({ method: request.method as HttpMethod, path, headers, ...(body === undefined ? {} : { body }) });
    return this.relay(reply, response);
  }

  /** Puts a service's answer on the client's reply: status, the headers clients need, body. */
  relay(reply: FastifyReply, response: UpstreamResponse): Buffer {
    void reply.status(response.status);
    for (const name of RETURNED_RESPONSE_HEADERS) {
      const value = response.headers[name];
      if (value !== undefined) void reply.header(name, value);
    }
    const location = response.headers.location;
    // Services speak in their own paths; clients only know the gateway's.
    if (location !== undefined)
      void reply.header('location', location.startsWith('/') ? `${PREFIX}${location}` : location);
    return isProblem(response) ? withPublicInstance(response.body) : response.body;
  }
}

function isProblem(response: UpstreamResponse): boolean {
  const type = response.headers['content-type'];
  return typeof type === 'string' && type.startsWith('application/problem+json');
}

/** A service's problem names the request by the service's path; the client asked for the gateway's. */
function withPublicInstance(body: Buffer): Buffer {
  try {
    const problem = JSON.parse(body.toString('utf8')) as { instance?: unknown };
    if (typeof problem.instance !== 'string' || !problem.instance.startsWith('/')) return body;
    return Buffer.from(JSON.stringify({ ...problem, instance: `${PREFIX}${problem.instance}` }));
  } catch {
    return body; // not JSON after all: passed on as it is
  }
}
