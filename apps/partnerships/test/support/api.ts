import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ProblemDetails } from '@c2c/platform';
import { httpRequest } from '@c2c/testing';
import type { PartnershipView } from '../../src/partnerships/dto/partnership-view.dto';

export interface Reply<T> {
  status: number;
  body: T;
  contentType: string | undefined;
  location: string | undefined;
}

/** HTTP calls to the app over a real socket, as one caller. */
export class Api {
  constructor(
    private readonly app: NestFastifyApplication,
    private readonly token?: string,
  ) {}

  get<T = PartnershipView>(url: string): Promise<Reply<T>> {
    return this.call<T>('GET', url);
  }

  post<T = PartnershipView>(url: string, body: object = {}): Promise<Reply<T>> {
    return this.call<T>('POST', url, body);
  }

  /** A POST expected to fail: its problem+json body. */
  problem(url: string, body: object = {}): Promise<Reply<ProblemDetails>> {
    return this.call<ProblemDetails>('POST', url, body);
  }

  private async call<T>(method: 'GET' | 'POST', url: string, body?: object): Promise<Reply<T>> {
    const response = await httpRequest(await this.app.getUrl(), {
      method,
      url,
      headers: this.token === undefined ? {} : { authorization: `Bearer ${this.token}` },
      ...(body === undefined ? {} : { payload: body }),
    });
    return {
      status: response.statusCode,
      body: response.body === '' ? (undefined as T) : response.json<T>(),
      contentType: response.headers['content-type'],
      location: response.headers.location,
    };
  }
}

/** A valid proposal between two cities, to be overridden per test. */
export const proposalBetween = (proposerCityId: string, partnerIds: string[], overrides: object = {}) => ({
  type: 'sister-city',
  title: `Partnership ${Math.random().toString(36).slice(2, 8)}`,
  proposerCityId,
  participantCityIds: partnerIds,
  cooperationAreas: ['environment-and-climate', 'water-and-sanitation'],
  sdgTags: [6, 11],
  startDate: '2026-04-01',
  endDate: '2031-03-31',
  ...overrides,
});
