import { cityArchivedV1 } from './city-archived.event';
import { cityMembershipChangedV1 } from './city-membership-changed.event';
import { cityProfileUpdatedV1 } from './city-profile-updated.event';
import { cityRegisteredV1 } from './city-registered.event';

/** Every event on `c2c.cities.v1`. */
export const CITY_EVENTS = [
  cityRegisteredV1,
  cityProfileUpdatedV1,
  cityMembershipChangedV1,
  cityArchivedV1,
] as const;
