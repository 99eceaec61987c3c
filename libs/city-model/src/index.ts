// A service's read model of the cities, from `c2c.cities.v1`: the pure projection, its table and
// migration, and the Nest module that keeps it (handlers, start-up rebuild, rebuild on demand).
export {
  applyCityEvent,
  diffCityModels,
  emptyCityRecord,
  implausibleSequence,
  isRegistered,
  MAX_SEQUENCE_JUMP,
  type CityEvent,
  type CityField,
  type CityModelDifference,
  type CityRecord,
} from './city-projection';
export { CityRecordEntity } from './city-record.entity';
export { cityModelMigration } from './city-model.migration';
export { CityModelRepository } from './city-model.repository';
export { CityModel } from './city-model.service';
export { CityModelHandlers } from './city-model.handlers';
export { CityModelBootstrap } from './city-model.bootstrap';
export {
  CityModelRebuild,
  type CityModelRebuildOptions,
  type CityModelRebuildReport,
} from './city-model.rebuild';
export { CITY_MODEL_OPTIONS, type CityModelModuleOptions } from './city-model.options';
export { CityModelModule, REBUILD_GROUP_SUFFIX } from './city-model.module';
export {
  rebuildCityModelMain,
  runCityModelRebuild,
  type CityModelRebuildJob,
} from './city-model.rebuild-job';
