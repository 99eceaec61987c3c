import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActsForCityInPath, CurrentUser, mayReachContacts, Roles, type AuthenticatedUser } from '@c2c/auth';
import { ApiIfMatch, etagOf, ExpectedVersion, IdParams, type Page } from '@c2c/platform';
import type { FastifyReply } from 'fastify';
import type { City } from './city';
import { CreatesCity, ReturnsCity, ReturnsCityPage } from './city-route.decorators';
import { ArchiveCityDto } from './dto/archive-city.dto';
import { ChangeMembershipDto } from './dto/change-membership.dto';
import { toCityResponse, type CityResponse } from './dto/city-response.dto';
import { ListCitiesQueryDto } from './dto/list-cities-query.dto';
import { RegisterCityDto } from './dto/register-city.dto';
import { UpdateCityDto } from './dto/update-city.dto';
import { ArchiveCity } from './usecases/archive-city.usecase';
import { ChangeCityMembership } from './usecases/change-city-membership.usecase';
import { FindCities } from './usecases/find-cities.query';
import { RegisterCity } from './usecases/register-city.usecase';
import { UpdateCityProfile } from './usecases/update-city-profile.usecase';

/** Contacts' e-mail and phone are personal data: the caller's roles decide whether they are shown. */
const audienceOf = (user: AuthenticatedUser) => ({ reachesContacts: mayReachContacts(user) });

/** One city as the API answers it, with its ETag, so the client can send it back without a second read. */
function answer(reply: FastifyReply, user: AuthenticatedUser, city: City): CityResponse {
  void reply.header('etag', etagOf(city.version));
  return toCityResponse(city, audienceOf(user));
}

/**
 * The registry over HTTP; the gateway serves it as `/api/v1/cities…`. Thin: one use case per route.
 * Reads carry no `@Roles`: any signed-in role may read the registry.
 */
@ApiTags('cities')
@Controller('cities')
export class CitiesController {
  constructor(
    private readonly registerCity: RegisterCity,
    private readonly updateProfile: UpdateCityProfile,
    private readonly changeCityMembership: ChangeCityMembership,
    private readonly archiveCity: ArchiveCity,
    private readonly findCities: FindCities,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'listCities', summary: 'List cities and local authorities' })
  @ReturnsCityPage(400)
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListCitiesQueryDto,
  ): Promise<Page<CityResponse>> {
    const page = await this.findCities.page(query.filter(), query.limit, query.after());
    const audience = audienceOf(user);
    return { ...page, items: page.items.map((city) => toCityResponse(city, audience)) };
  }

  @Post()
  @Roles('secretariat')
  @ApiOperation({ operationId: 'registerCity', summary: 'Register a city (secretariat)' })
  @CreatesCity(400, 403, 409, 413)
  async register(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: RegisterCityDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CityResponse> {
    const city = await this.registerCity.execute(user, body);
    void reply.header('location', `/cities/${city.id}`);
    return answer(reply, user, city);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getCity', summary: 'Read a city; its ETag is needed to change it' })
  @ReturnsCity(400, 404)
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: IdParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CityResponse> {
    return answer(reply, user, await this.findCities.byId(id));
  }

  @Patch(':id')
  @Roles('secretariat', 'city-officer')
  @ActsForCityInPath()
  @ApiOperation({
    operationId: 'updateCity',
    summary: "Change a city's profile (secretariat, or its own officer)",
    description:
      "Name, country and level are the secretariat's to change: a city officer changing any of them gets a 403 naming them (`fields`).",
  })
  @ApiIfMatch(true)
  @ReturnsCity(400, 403, 404, 409, 412, 428)
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: IdParams,
    @ExpectedVersion(true) expectedVersion: number | undefined,
    @Body() body: UpdateCityDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CityResponse> {
    return answer(reply, user, await this.updateProfile.execute(user, id, body, expectedVersion));
  }

  @Post(':id/membership')
  @HttpCode(200)
  @Roles('secretariat')
  @ApiOperation({
    operationId: 'changeCityMembership',
    summary: "Change a city's AMF membership (secretariat)",
  })
  @ApiIfMatch(false)
  @ReturnsCity(400, 403, 404, 409, 412)
  async membership(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: IdParams,
    @ExpectedVersion(false) expectedVersion: number | undefined,
    @Body() body: ChangeMembershipDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CityResponse> {
    return answer(reply, user, await this.changeCityMembership.execute(user, id, body, expectedVersion));
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Roles('secretariat')
  @ApiOperation({ operationId: 'archiveCity', summary: 'Archive a city (secretariat)' })
  @ApiIfMatch(false)
  @ApiBody({ type: ArchiveCityDto, required: false })
  @ReturnsCity(400, 403, 404, 412)
  async archive(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: IdParams,
    @ExpectedVersion(false) expectedVersion: number | undefined,
    @Body() body: ArchiveCityDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CityResponse> {
    return answer(reply, user, await this.archiveCity.execute(user, id, body.reason, expectedVersion));
  }
}
