import { Body, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@c2c/auth';
import { parseIfMatch, requireIfMatch, type Page } from '@c2c/platform';
import type { FastifyReply } from 'fastify';
import {
  CityId,
  CityRoutes,
  CreatesCity,
  IfMatchHeader,
  ReturnsCity,
  ReturnsCityPage,
} from './city-route.decorators';
import type { CityEntity } from './city.entity';
import { ArchiveCityDto } from './dto/archive-city.dto';
import { ChangeMembershipDto } from './dto/change-membership.dto';
import { ListCitiesQueryDto } from './dto/list-cities-query.dto';
import { RegisterCityDto } from './dto/register-city.dto';
import { UpdateCityDto } from './dto/update-city.dto';
import { ArchiveCity } from './usecases/archive-city.usecase';
import { ChangeCityMembership } from './usecases/change-city-membership.usecase';
import { FindCities } from './usecases/find-cities.query';
import { RegisterCity } from './usecases/register-city.usecase';
import { UpdateCityProfile } from './usecases/update-city-profile.usecase';

/** The registry over HTTP; the gateway serves it as `/api/v1/cities…`. Thin: one use case per route. */
@CityRoutes('cities')
export class CitiesController {
  constructor(
    private readonly registerCity: RegisterCity,
    private readonly updateProfile: UpdateCityProfile,
    private readonly changeMembership: ChangeCityMembership,
    private readonly archiveCity: ArchiveCity,
    private readonly findCities: FindCities,
  ) {}

  @Post()
  @Roles('secretariat')
  @CreatesCity(400, 403, 409, 413)
  async register(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: RegisterCityDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CityEntity> {
    const city = await this.registerCity.execute(user, body);
    void reply.header('location', `/cities/${city.id}`);
    return city;
  }

  @Get()
  @ReturnsCityPage(400)
  list(@Query() query: ListCitiesQueryDto): Promise<Page<CityEntity>> {
    return this.findCities.page(query.filter(), query.limit, query.after());
  }

  @Get(':id')
  @ReturnsCity(400, 404)
  get(@CityId() id: string): Promise<CityEntity> {
    return this.findCities.byId(id);
  }

  @Patch(':id')
  @Roles('secretariat', 'city-officer')
  @ReturnsCity(400, 403, 404, 409, 412, 428)
  update(
    @CurrentUser() user: AuthenticatedUser,
    @CityId() id: string,
    @IfMatchHeader() ifMatch: string | undefined,
    @Body() body: UpdateCityDto,
  ): Promise<CityEntity> {
    return this.updateProfile.execute(user, id, requireIfMatch(ifMatch), body);
  }

  @Post(':id/membership')
  @Roles('secretariat')
  @HttpCode(200)
  @ReturnsCity(400, 403, 404, 409, 412)
  membership(
    @CurrentUser() user: AuthenticatedUser,
    @CityId() id: string,
    @IfMatchHeader() ifMatch: string | undefined,
    @Body() body: ChangeMembershipDto,
  ): Promise<CityEntity> {
    return this.changeMembership.execute(user, id, body, parseIfMatch(ifMatch));
  }

  @Post(':id/archive')
  @Roles('secretariat')
  @HttpCode(200)
  @ReturnsCity(400, 403, 404, 412)
  archive(
    @CurrentUser() user: AuthenticatedUser,
    @CityId() id: string,
    @IfMatchHeader() ifMatch: string | undefined,
    @Body() body: ArchiveCityDto,
  ): Promise<CityEntity> {
    return this.archiveCity.execute(user, id, body.reason, parseIfMatch(ifMatch));
  }
}
