import { applyDecorators } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiResponse } from '@nestjs/swagger';
import { ApiPageResponse, ApiProblemResponses, etagOf, problemResponseObject } from '@c2c/platform';
import type { FastifyReply } from 'fastify';

const etag = {
  ETag: {
    description: 'W/"<version>": send it back as If-Match to change this version only.',
    schema: { type: 'string' },
  },
};

/** Documents a route answering with one changeable resource and its ETag, or with the given problems. */
export const ReturnsVersioned = (model: new () => unknown, ...problems: number[]) =>
  applyDecorators(ApiOkResponse({ type: model, headers: etag }), ApiProblemResponses(...problems));

/** Documents a route creating a resource: 201, its ETag and Location. */
export const CreatesVersioned = (model: new () => unknown, ...problems: number[]) =>
  applyDecorators(
    ApiCreatedResponse({ type: model, headers: { ...etag, Location: { schema: { type: 'string' } } } }),
    ApiProblemResponses(...problems),
  );

/** Documents a route answering with a page of something, or with the given problems. */
export const ReturnsPage = (model: new () => unknown, ...problems: number[]) =>
  applyDecorators(ApiPageResponse(model), ApiProblemResponses(...problems));

/**
 * Documents this service's own 422s: the platform's generic description is about idempotency keys, and a
 * client needs to know which rule of the forum refused it.
 */
export const Unprocessable = (description: string) =>
  ApiResponse({ status: 422, ...problemResponseObject(422), description });

/** Sends the resource's ETag; every answer naming one changeable resource carries it. */
export function withETag<T>(reply: FastifyReply, version: number, body: T): T {
  void reply.header('etag', etagOf(version));
  return body;
}
