/** What differs between the services that keep a city model. */
export interface CityModelModuleOptions {
  /**
   * Whether to rebuild at start an empty model whose consumer group has already read `c2c.cities.v1`
   * (see `CityModelBootstrap`); a service reads this from its configuration (`CITY_MODEL_REBUILD_ON_EMPTY`).
   */
  rebuildOnEmpty: boolean;
}

/** The injection token of the {@link CityModelModuleOptions}. */
export const CITY_MODEL_OPTIONS = Symbol('CITY_MODEL_OPTIONS');
