import type { CityLevel, MembershipStatus } from '@c2c/contracts';
import type { RegisterCityCommand } from '../city';
import {
  ContactsField,
  CountryCodeField,
  DayField,
  LanguagesField,
  LatitudeField,
  LevelField,
  LongitudeField,
  MembershipStatusField,
  PopulationField,
  PopulationYearField,
  SdgFocusField,
  TextField,
  WebsiteField,
} from './city-fields';
import { ContactOfficerDto } from './contact-officer.dto';

/** `POST /cities`: a new city or local authority. */
export class RegisterCityDto implements RegisterCityCommand {
  @TextField('required', 200, 'Official name, in Latin script.')
  name!: string;

  @TextField('optional', 200, 'English name.')
  englishName?: string;

  @TextField('optional', 200, 'Name in the local language and script.')
  localName?: string;

  @CountryCodeField('required')
  countryCode!: string;

  @TextField('optional', 200, 'State, province or region.')
  region?: string;

  @LevelField('required')
  level!: CityLevel;

  @PopulationField('optional')
  population?: number;

  @PopulationYearField('optional')
  populationYear?: number;

  @LatitudeField('optional')
  latitude?: number;

  @LongitudeField('optional')
  longitude?: number;

  @WebsiteField('optional')
  website?: string;

  @TextField('optional', 200, 'Name of the mayor or head of the local authority.')
  leaderName?: string;

  @TextField('optional', 200, 'Title of the leader, e.g. Mayor, Governor.')
  leaderTitle?: string;

  @ContactsField('optional')
  contacts?: ContactOfficerDto[];

  @MembershipStatusField('optional')
  membershipStatus?: MembershipStatus;

  @DayField('optional', 'Day the membership status took effect; defaults to today.')
  membershipChangedOn?: string;

  @SdgFocusField('optional')
  sdgFocus?: number[];

  @LanguagesField('optional')
  languages?: string[];
}
