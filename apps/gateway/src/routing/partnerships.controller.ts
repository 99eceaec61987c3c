import { applyDecorators, Controller, Get, HttpCode, Param, Post, Req, Res, Type } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ROLES, Roles } from '@c2c/auth';
import { PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES } from '@c2c/contracts';
import { ApiPageResponse, ApiProblemResponses } from '@c2c/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX, Authenticated } from '../http/api';
import { IdParams } from '../http/id-params';
import {
  AcceptPartnershipDoc,
  ActivityDoc,
  DeclinePartnershipDoc,
  HistoryEntryDoc,
  PartnershipDoc,
  ProposePartnershipDoc,
  RecordActivityDoc,
  StatusChangeDoc,
} from './dto/partnerships.dto';
import { ApiPageQuery } from './page-query';
import { ProxyService } from './proxy.service';

const ListPartnershipsQuery = () =>
  applyDecorators(
    ApiPageQuery(),
    ApiQuery({ name: 'status', required: false, enum: PARTNERSHIP_STATUSES }),
    ApiQuery({ name: 'type', required: false, enum: PARTNERSHIP_TYPES }),
    ApiQuery({
      name: 'cityId',
      required: false,
      schema: { type: 'string', format: 'uuid' },
      description: 'Only partnerships this city takes part in.',
    }),
  );

/** Who may write: the gateway's role gate. Which city one may act for is the service's to judge. */
const WRITERS = ['secretariat', 'city-officer'] as const;

/**
 * A lifecycle command: `POST /partnerships/{id}/<name>` with a body, answering the partnership as it
 * now is. A transition its state does not allow is a 409 naming the current status.
 */
const Transition = (operationId: string, summary: string, description: string, body: Type<unknown>) =>
  applyDecorators(
    HttpCode(200),
    Roles(...WRITERS),
    ApiOperation({ operationId, summary, description }),
    ApiBody({ type: body }),
    ApiOkResponse({ type: PartnershipDoc, description: 'The partnership after the change.' }),
    ApiProblemResponses(400, 404, 409, 413, 422, 503, 504),
  );

/**
 * `/api/v1/partnerships…`, served by the partnerships service. The gateway checks the role a route
 * needs and forwards; the service checks the rest (a city officer acts only for its own city, or for a
 * partnership its city takes part in) and validates the bodies, which are forwarded as sent.
 */
@ApiTags('partnerships')
@Authenticated()
@Controller(`${API_PREFIX}/partnerships`)
export class PartnershipsController {
  constructor(private readonly proxy: ProxyService) {}

  @Get()
  @Roles(...ROLES)
  @ApiOperation({
    operationId: 'listPartnerships',
    summary: 'List partnerships, newest first; filter by status, type or participant city',
  })
  @ListPartnershipsQuery()
  @ApiPageResponse(PartnershipDoc)
  @ApiProblemResponses(400, 503, 504)
  listPartnerships(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.proxy.forward('partnerships', request, reply);
  }

  @Post()
  @Roles(...WRITERS)
  @ApiOperation({
    operationId: 'proposePartnership',
    summary: 'Propose a partnership (secretariat, or an officer of the proposing city)',
    description:
      'Two or more known, unarchived cities in two or more countries. The proposer accepts by ' +
      'proposing; the partnership is `proposed` until every partner has accepted.',
  })
  @ApiBody({ type: ProposePartnershipDoc })
  @ApiCreatedResponse({
    type: PartnershipDoc,
    description: 'Proposed (`status: "proposed"`); `Location` is set.',
  })
  @ApiProblemResponses(400, 413, 422, 503, 504)
  proposePartnership(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.proxy.forward('partnerships', request, reply);
  }

  @Get(':id')
  @Roles(...ROLES)
  @ApiOperation({ operationId: 'getPartnership', summary: 'Read a partnership' })
  @ApiOkResponse({ type: PartnershipDoc })
  @ApiProblemResponses(400, 404, 503, 504)
  getPartnership(
    @Param() _params: IdParams,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.proxy.forward('partnerships', request, reply);
  }

  @Get(':id/history')
  @Roles(...ROLES)
  @ApiOperation({
    operationId: 'getPartnershipHistory',
    summary: 'Every change of a partnership: who, when and why, oldest first',
  })
  @ApiPageQuery()
  @ApiPageResponse(HistoryEntryDoc)
  @ApiProblemResponses(400, 404, 503, 504)
  getPartnershipHistory(
    @Param() _params: IdParams,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.proxy.forward('partnerships', request, reply);
  }

  @Post(':id/acceptances')
  @Transition(
    'acceptPartnership',
    'A participant city accepts (secretariat, or an officer of that city)',
    'The last acceptance makes the partnership `active`.',
    AcceptPartnershipDoc,
  )
  acceptPartnership(
    @Param() _params: IdParams,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.proxy.forward('partnerships', request, reply);
  }

  @Post(':id/declines')
  @Transition(
    'declinePartnership',
    'An invited city declines the proposal (secretariat, or an officer of that city)',
    '`proposed` → `declined`.',
    DeclinePartnershipDoc,
  )
  declinePartnership(
    @Param() _params: IdParams,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.proxy.forward('partnerships', request, reply);
  }

  @Post(':id/withdrawal')
  @Transition(
    'withdrawPartnership',
    'The proposer withdraws its proposal (secretariat, or an officer of the proposing city)',
    '`proposed` → `withdrawn`.',
    StatusChangeDoc,
  )
  withdrawPartnership(
    @Param() _params: IdParams,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.proxy.forward('partnerships', request, reply);
  }

  @Post(':id/suspension')
  @Transition(
    'suspendPartnership',
    'Suspend a partnership (secretariat, or an officer of a participant city)',
    '`active` → `suspended`.',
    StatusChangeDoc,
  )
  suspendPartnership(
    @Param() _params: IdParams,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.proxy.forward('partnerships', request, reply);
  }

  @Post(':id/resumption')
  @Transition(
    'resumePartnership',
    'Resume a suspended partnership (secretariat, or an officer of a participant city)',
    '`suspended` → `active`; refused while a participant city is archived.',
    StatusChangeDoc,
  )
  resumePartnership(
    @Param() _params: IdParams,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.proxy.forward('partnerships', request, reply);
  }

  @Post(':id/termination')
  @Transition(
    'terminatePartnership',
    'End a partnership for good (secretariat, or an officer of a participant city)',
    '`active` or `suspended` → `terminated`.',
    StatusChangeDoc,
  )
  terminatePartnership(
    @Param() _params: IdParams,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.proxy.forward('partnerships', request, reply);
  }

  @Post(':id/activities')
  @Roles(...WRITERS)
  @ApiOperation({
    operationId: 'recordPartnershipActivity',
    summary:
      'Record an activity: exchange, visit, workshop, practice transfer… (secretariat, or a participant)',
    description: 'Clears the dormant flag.',
  })
  @ApiBody({ type: RecordActivityDoc })
  @ApiCreatedResponse({ type: ActivityDoc, description: 'The activity as recorded.' })
  @ApiProblemResponses(400, 404, 409, 413, 422, 503, 504)
  recordPartnershipActivity(
    @Param() _params: IdParams,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.proxy.forward('partnerships', request, reply);
  }
}
