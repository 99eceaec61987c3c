import { Body, Controller, Get, Module, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ActsForCityInPath, Roles } from '@c2c/auth';
import { ApiIfMatch, buildServiceApiDocument, generateApiDocument, IdParams } from '@c2c/platform';
import { routeTableOf } from './route-table';

class Patch1 {
  population?: number;
}

@Controller('cities')
class CitiesController {
  @Get()
  @ApiOperation({ operationId: 'listCities' })
  list() {
    return undefined;
  }

  @Post()
  @Roles('secretariat')
  @ApiOperation({ operationId: 'registerCity' })
  register(@Body() _body: Patch1) {
    return undefined;
  }

  @Patch(':id')
  @Roles('secretariat', 'city-officer')
  @ActsForCityInPath()
  @ApiIfMatch(true)
  @ApiOperation({ operationId: 'updateCity' })
  update(@Param() _params: IdParams, @Body() _body: Patch1) {
    return undefined;
  }
}

@Module({ controllers: [CitiesController] })
class CitiesModule {}

describe(routeTableOf.name, () => {
  it("takes each route's path, roles, city and checks from the service's own document", async () => {
    const document = await generateApiDocument({ module: CitiesModule }, (app) =>
      buildServiceApiDocument(app, { title: 'cities', description: 'cities' }),
    );
    const routes = routeTableOf([{ service: 'cities', document }]);
    expect(routes).toEqual(
      expect.arrayContaining([
        {
          method: 'GET',
          path: '/api/v1/cities',
          url: '/api/v1/cities',
          service: 'cities',
          operationId: 'listCities',
          uuidParams: [],
          ifMatchRequired: false,
        },
        expect.objectContaining({ method: 'POST', operationId: 'registerCity', roles: ['secretariat'] }),
        {
          method: 'PATCH',
          path: '/api/v1/cities/{id}',
          url: '/api/v1/cities/:id',
          service: 'cities',
          operationId: 'updateCity',
          roles: ['secretariat', 'city-officer'],
          actsForCityParam: 'id',
          uuidParams: ['id'],
          ifMatchRequired: true,
        },
      ]),
    );
    expect(routes).toHaveLength(3);
  });

  it('refuses a document naming roles the platform does not have', async () => {
    const document = await generateApiDocument({ module: CitiesModule }, (app) =>
      buildServiceApiDocument(app, { title: 'cities', description: 'cities' }),
    );
    const post = (document.paths['/cities'] as Record<string, Record<string, unknown>>).post!;
    post['x-c2c-roles'] = ['emperor'];
    expect(() => routeTableOf([{ service: 'cities', document }])).toThrow('not platform roles');
  });
});
