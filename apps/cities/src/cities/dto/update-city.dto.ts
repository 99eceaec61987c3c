import type { CityLevel } from '@c2c/contracts';
import type { ProfilePatch } from '../city';
import {
  ContactsField,
  CountryCodeField,
  LanguagesField,
  LatitudeField,
  LevelField,
  LongitudeField,
  PopulationField,
  PopulationYearField,
  SdgFocusField,
  TextField,
  WebsiteField,
} from './city-fields';
import { ContactOfficerDto } from './contact-officer.dto';

/**
 * `PATCH /cities/:id`: only the fields sent change; `null` removes an optional value. Membership has
 * its own command (`POST /cities/:id/membership`), so it is an unknown field here.
 */
export class UpdateCityDto implements ProfilePatch {
  @TextField('not-null', 200, 'Official name, in Latin script.')
  name?: string;

  @TextField('optional', 200, 'English name.')
  englishName?: string | null;

  @TextField('optional', 200, 'Name in the local language and script.')
  localName?: string | null;

  @CountryCodeField('not-null')
  countryCode?: string;

  @TextField('optional', 200, 'State, province or region.')
  region?: string | null;

  @LevelField('not-null')
  level?: CityLevel;

  @PopulationField('optional')
  population?: number | null;

  @PopulationYearField('optional')
  populationYear?: number | null;

  @LatitudeField('optional')
  latitude?: number | null;

  @LongitudeField('optional')
  longitude?: number | null;

  @WebsiteField('optional')
  website?: string | null;

  @TextField('optional', 200, 'Name of the mayor or head of the local authority.')
  leaderName?: string | null;

  @TextField('optional', 200, 'Title of the leader, e.g. Mayor, Governor.')
  leaderTitle?: string | null;

  @ContactsField('optional')
  contacts?: ContactOfficerDto[] | null;

  @SdgFocusField('optional')
  sdgFocus?: number[] | null;

  @LanguagesField('optional')
  languages?: string[] | null;
}
