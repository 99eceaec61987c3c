import { Injectable } from '@nestjs/common';
import { MESSAGING_ADMIN_PATH } from '@c2c/messaging';
import type { FastifyRequest } from 'fastify';
import { SERVICES } from '../openapi/service-api-documents';
import { InternalTokensService } from '../tokens/internal-tokens.service';
import { forwardedHeaders } from '../routing/proxy.service';
import type { HttpMethod, UpstreamResponse } from '../routing/service-client';
import { ServiceName, Upstreams } from '../routing/upstreams';

/** Each service's own answer, tagged with its name, and the services that could not answer. */
export interface FannedOut<T> {
  answers: { service: ServiceName; body: T }[];
  missing: ServiceName[];
}

export interface AdminCall {
  method: HttpMethod;
  /** Below the service's admin path, e.g. `dead-letters?type=…`. */
  path: string;
  body?: object;
}

/**
 * Calls the operator endpoints every messaging service serves (libs/messaging's admin controller)
 * with the caller's identity as an internal token, one service or all of them at once. A service that
 * is down, unconfigured or refusing is named in `missing`, as the dossier does, so one outage does not
 * hide the others' dead letters.
 */
@Injectable()
export class OperatorToolsService {
  constructor(
    private readonly upstreams: Upstreams,
    private readonly internalTokens: InternalTokensService,
  ) {}

  /** Sends the call to one service and answers what it said, refusals included. */
  async one(service: ServiceName, call: AdminCall, request: FastifyRequest): Promise<UpstreamResponse> {
    const authorization = await this.internalTokens.headersFor(service, request);
    return this.upstreams.of(service).send({
      method: call.method,
      path: `/${MESSAGING_ADMIN_PATH}/${call.path}`,
      headers: {
        ...forwardedHeaders(request),
        ...authorization,
        ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    });
  }

  /** Sends the call to `only` or to every service at once; a 200 is an answer, anything else missing. */
  async each<T>(
    only: ServiceName | undefined,
    call: AdminCall,
    request: FastifyRequest,
  ): Promise<FannedOut<T>> {
    const services = only === undefined ? [...SERVICES] : [only];
    const settled = await Promise.allSettled(
      services.map(async (service) => {
        // No address configured: nothing of ours runs there, so no token goes there either.
        if (!this.upstreams.has(service)) throw new Error(`the ${service} service is not configured`);
        return this.one(service, call, request);
      }),
    );
    const result: FannedOut<T> = { answers: [], missing: [] };
    settled.forEach((outcome, index) => {
      const service = services[index];
      if (outcome.status === 'fulfilled' && outcome.value.status === 200) {
        result.answers.push({ service, body: JSON.parse(outcome.value.body.toString('utf8')) as T });
      } else {
        result.missing.push(service);
      }
    });
    return result;
  }
}
