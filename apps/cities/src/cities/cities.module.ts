import { Module } from '@nestjs/common';
import { CitiesController } from './cities.controller';
import { CitiesRepository } from './cities.repository';
import { ArchiveCity } from './usecases/archive-city.usecase';
import { ChangeCityMembership } from './usecases/change-city-membership.usecase';
import { FindCities } from './usecases/find-cities.query';
import { CITY_STORE } from './usecases/ports';
import { RegisterCity } from './usecases/register-city.usecase';
import { UpdateCityProfile } from './usecases/update-city-profile.usecase';

/** The registry of cities and local authorities. RegisterCity is exported for the demo-data loader. */
@Module({
  controllers: [CitiesController],
  providers: [
    { provide: CITY_STORE, useClass: CitiesRepository },
    RegisterCity,
    UpdateCityProfile,
    ChangeCityMembership,
    ArchiveCity,
    FindCities,
  ],
  exports: [RegisterCity],
})
export class CitiesModule {}
