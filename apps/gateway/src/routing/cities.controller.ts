import { applyDecorators, Controller, Get, HttpCode, Param, Patch, Post, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { assertActsForCity, AuthenticatedUser, CurrentUser, ROLES, Roles } from '@c2c/auth';
import { CITY_LEVELS, MEMBERSHIP_STATUSES } from '@c2c/contracts';
import { ApiPageResponse, ApiProblemResponses, requireIfMatch } from '@c2c/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX, Authenticated } from '../http/api';
import { IdParams } from '../http/id-params';
import {
  ArchiveCityDoc,
  ChangeMembershipDoc,
  CityDoc,
  RegisterCityDoc,
  UpdateCityDoc,
} from './dto/cities.dto';
import { ApiPageQuery } from './page-query';
import { ProxyService } from './proxy.service';

const ListCitiesQuery = () =>
  applyDecorators(
    ApiPageQuery(),
    ApiQuery({ name: 'country', required: false, schema: { type: 'string', example: 'IR' } }),
    ApiQuery({ name: 'level', required: false, enum: CITY_LEVELS }),
    ApiQuery({ name: 'membership', required: false, enum: MEMBERSHIP_STATUSES }),
    ApiQuery({ name: 'q', required: false, schema: { type: 'string', maxLength: 100 } }),
    ApiQuery({ name: 'includeArchived', required: false, schema: { type: 'boolean', default: false } }),
  );

const IfMatch = (required: boolean) =>
  ApiHeader({ name: 'If-Match', required, description: 'The ETag of the version being changed.' });

/**
 * `/api/v1/cities…`, served by the cities service. The gateway checks what it can know from the route
 * (role, and for an edit the city in the path) and forwards; the service enforces its rules again.
 * Bodies are forwarded as sent: the cities service validates them.
 */
@ApiTags('cities')
@Authenticated()
@Controller(`${API_PREFIX}/cities`)
export class CitiesController {
  constructor(private readonly proxy: ProxyService) {}

  @Get()
  @Roles(...ROLES)
  @ApiOperation({ operationId: 'listCities', summary: 'List cities and local authorities' })
  @ListCitiesQuery()
  @ApiPageResponse(CityDoc)
  @ApiProblemResponses(400, 503, 504)
  listCities(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.proxy.forward('cities', request, reply);
  }

  @Post()
  @Roles('secretariat')
  @ApiOperation({ operationId: 'registerCity', summary: 'Register a city (secretariat)' })
  @ApiBody({ type: RegisterCityDoc })
  @ApiCreatedResponse({ type: CityDoc, description: 'Registered; `Location` and `ETag` are set.' })
  @ApiProblemResponses(400, 409, 413, 422, 503, 504)
  registerCity(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.proxy.forward('cities', request, reply);
  }

  @Get(':id')
  @Roles(...ROLES)
  @ApiOperation({ operationId: 'getCity', summary: 'Read a city; its ETag is needed to change it' })
  @ApiOkResponse({ type: CityDoc, description: 'The city; `ETag` is set.' })
  @ApiProblemResponses(400, 404, 503, 504)
  getCity(
    @Param() _params: IdParams,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.proxy.forward('cities', request, reply);
  }

  @Patch(':id')
  @HttpCode(200)
  @Roles('secretariat', 'city-officer')
  @ApiOperation({
    operationId: 'updateCity',
    summary: "Change a city's profile (secretariat, or its own officer)",
  })
  @IfMatch(true)
  @ApiBody({ type: UpdateCityDoc })
  @ApiOkResponse({ type: CityDoc, description: 'The changed city; the new `ETag` is set.' })
  @ApiProblemResponses(400, 404, 409, 412, 428, 503, 504)
  updateCity(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: IdParams,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    assertActsForCity(user, id);
    // Checked here too so a client learns about a missing precondition without a round trip.
    requireIfMatch(request.headers['if-match']);
    return this.proxy.forward('cities', request, reply);
  }

  @Post(':id/membership')
  @HttpCode(200)
  @Roles('secretariat')
  @ApiOperation({
    operationId: 'changeCityMembership',
    summary: "Change a city's AMF membership (secretariat)",
  })
  @IfMatch(false)
  @ApiBody({ type: ChangeMembershipDoc })
  @ApiOkResponse({ type: CityDoc, description: 'The changed city; the new `ETag` is set.' })
  @ApiProblemResponses(400, 404, 409, 412, 422, 503, 504)
  changeCityMembership(
    @Param() _params: IdParams,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.proxy.forward('cities', request, reply);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Roles('secretariat')
  @ApiOperation({ operationId: 'archiveCity', summary: 'Archive a city (secretariat)' })
  @IfMatch(false)
  @ApiBody({ type: ArchiveCityDoc, required: false })
  @ApiOkResponse({ type: CityDoc, description: 'The changed city; the new `ETag` is set.' })
  @ApiProblemResponses(400, 404, 412, 422, 503, 504)
  archiveCity(
    @Param() _params: IdParams,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.proxy.forward('cities', request, reply);
  }
}
