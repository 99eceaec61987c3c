import { applyDecorators, HttpCode, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  type ApiOperationOptions,
} from '@nestjs/swagger';
import { Roles } from '@c2c/auth';
import {
  ApiIfMatch,
  ApiPageResponse,
  ApiProblemResponses,
  etagOf,
  problemResponseObject,
} from '@c2c/platform';
import type { FastifyReply } from 'fastify';
import { PartnershipResponse, toPartnershipResponse } from './dto/partnership-response.dto';
import type { PartnershipState } from './partnership.types';

const etag = {
  ETag: {
    description: 'W/"<version>": send it back as If-Match to change this version only.',
    schema: { type: 'string' },
  },
};

/** Documents a route answering with one partnership and its ETag, or with the given problems. */
export const ReturnsPartnership = (...problems: number[]) =>
  applyDecorators(
    ApiOkResponse({ type: PartnershipResponse, headers: etag }),
    ApiProblemResponses(...problems),
  );

/** Documents the route that creates a partnership. */
export const CreatesPartnership = (...problems: number[]) =>
  applyDecorators(
    ApiCreatedResponse({
      type: PartnershipResponse,
      headers: { ...etag, Location: { schema: { type: 'string' } } },
    }),
    ApiProblemResponses(...problems),
  );

/** Documents a route answering with a page of something, or with the given problems. */
export const ReturnsPage = (model: new () => unknown, ...problems: number[]) =>
  applyDecorators(ApiPageResponse(model), ApiProblemResponses(...problems));

/**
 * Documents a route that answers with something else after changing a partnership (an activity): the
 * partnership's new ETag comes with it, so a client can chain changes without reading again.
 */
export const CreatesAfterChange = (model: new () => unknown, ...problems: number[]) =>
  applyDecorators(
    ApiCreatedResponse({
      type: model,
      headers: { ETag: { ...etag.ETag, description: 'The partnership\'s new version, W/"<version>".' } },
    }),
    ApiProblemResponses(...problems),
  );

// Commands state a fact ("we accept"), so If-Match is optional; when sent, a stale one is a 412.
// A refused transition is a 409 naming the current status and the transitions it allows.
const COMMAND_PROBLEMS = [400, 403, 404, 409, 412];

/** The operation of a lifecycle command, as the gateway's document and routing table take it. */
type CommandOperation = Required<Pick<ApiOperationOptions, 'operationId' | 'summary'>> &
  Pick<ApiOperationOptions, 'description'>;

/**
 * A lifecycle command on one partnership: a POST for writers (the use case checks which city an
 * officer acts for), an optional If-Match, answered by the partnership and its new ETag (`created`:
 * 201 with what the command created instead).
 */
export const LifecycleCommand = (path: string, operation: CommandOperation, created?: new () => unknown) =>
  applyDecorators(
    Post(path),
    ...(created === undefined
      ? [HttpCode(200), ReturnsPartnership(...COMMAND_PROBLEMS)]
      : [CreatesAfterChange(created, ...COMMAND_PROBLEMS)]),
    Roles('secretariat', 'city-officer'),
    ApiOperation(operation),
    ApiIfMatch(false),
  );

const CITIES_OUTSIDE =
  'Type `city-not-participant`: a city named does not take part in the partnership; `errors` lists ' +
  'each offending field with its `cityIds`.';

const BEST_PRACTICE_UNKNOWN =
  'Type `best-practice-unknown`: `practiceTransfer.bestPracticeId` names no practice published in the ' +
  'best-practice library; `errors` names that field with its `bestPracticeId`.';

/** Documents this service's own 422s: the platform's generic description is about idempotency keys. */
const unprocessable = (...types: string[]) =>
  ApiResponse({ status: 422, ...problemResponseObject(422), description: types.join('\n\n') });

/** Documents the 422 of a route whose input names cities: one outside the partnership. */
export const RefusesCitiesOutside = () => unprocessable(CITIES_OUTSIDE);

/** Documents the 422s of recording an activity: a city outside the partnership, an unpublished practice. */
export const RefusesActivityNaming = () => unprocessable(CITIES_OUTSIDE, BEST_PRACTICE_UNKNOWN);

/** Sends the partnership's ETag with the answer; every answer naming one partnership carries it. */
export function withETag(reply: FastifyReply, state: PartnershipState): void {
  void reply.header('etag', etagOf(state.version));
}

/** One partnership as the API answers it, with its ETag. */
export function answer(reply: FastifyReply, state: PartnershipState): PartnershipResponse {
  withETag(reply, state);
  return toPartnershipResponse(state);
}
