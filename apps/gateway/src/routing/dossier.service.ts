import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { InternalTokensService } from '../tokens/internal-tokens.service';
import { forwardedHeaders } from './proxy.service';
import { UpstreamResponse } from './service-client';
import { ServiceName, Upstreams } from './upstreams';

/** The dossier, or the cities service's own refusal (404, 403…) to pass on as it is. */
export type DossierResult = { dossier: Dossier } | { refusal: UpstreamResponse };

export interface Dossier {
  city: unknown;
  partnerships: unknown;
  commissionMemberships: unknown;
  bestPractices: unknown;
  /** Parts whose service could not answer; the rest is still served. */
  missing: string[];
}

function json(response: UpstreamResponse): unknown {
  return JSON.parse(response.body.toString('utf8'));
}

/**
 * A city with its partnerships, commission memberships and best practices, read from three services
 * in parallel (four calls). The
 * city is the dossier: without it there is nothing to show (its 404 or 503 is the answer). Any other
 * part that fails is left null and named in `missing`, so one service down does not hide the rest.
 */
@Injectable()
export class DossierService {
  constructor(
    private readonly upstreams: Upstreams,
    private readonly internalTokens: InternalTokensService,
  ) {}

  async read(cityId: string, request: FastifyRequest): Promise<DossierResult> {
    const headers = forwardedHeaders(request);
    const query = `cityId=${encodeURIComponent(cityId)}&limit=100`;
    // A part whose service has no configured address is missing without a call: the caller's token
    // must not go to an address where nothing of ours was configured to run.
    const get = async (service: ServiceName, path: string) => {
      if (!this.upstreams.has(service)) throw new Error(`the ${service} service is not configured`);
      const authorization = await this.internalTokens.headersFor(service, request);
      return this.upstreams
        .of(service)
        .send({ method: 'GET', path, headers: { ...headers, ...authorization } });
    };
    const [city, partnerships, memberships, practices] = await Promise.allSettled([
      get('cities', `/cities/${encodeURIComponent(cityId)}`),
      get('partnerships', `/partnerships?${query}`),
      get('commissions', `/memberships?${query}`),
      // `all`: whatever the caller may see, so the city's own officers find their unpublished ones too.
      get('commissions', `/best-practices?${query}&status=all`),
    ]);
    if (city.status === 'rejected') throw city.reason;
    if (city.value.status !== 200) return { refusal: city.value };

    const missing: string[] = [];
    const part = (name: string, result: PromiseSettledResult<UpstreamResponse>): unknown => {
      if (result.status === 'fulfilled' && result.value.status === 200) return json(result.value);
      missing.push(name);
      return null;
    };
    return {
      dossier: {
        city: json(city.value),
        partnerships: part('partnerships', partnerships),
        commissionMemberships: part('commissionMemberships', memberships),
        bestPractices: part('bestPractices', practices),
        missing,
      },
    };
  }
}
