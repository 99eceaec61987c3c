import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { CITY_LEVELS, MEMBERSHIP_STATUSES } from '@c2c/contracts';
import { MaxItems, NOT_BLANK_PATTERN, UniqueItems } from '@c2c/platform';
import { Transform, Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ContactOfficerDto } from './contact-officer.dto';

// The validation of every profile field, written once and used by the register and update bodies.
// `Presence` says what leaving a field out or sending null means in that body:
//   required  must be there (register: name, country, level)
//   optional  may be left out or null (register: the rest; update: "null removes the value")
//   not-null  may be left out, but null is refused (update: name, country, level cannot be removed)
export type Presence = 'required' | 'optional' | 'not-null';

type Decorator = PropertyDecorator;

function field(presence: Presence, doc: ApiPropertyOptions, ...rules: Decorator[]): Decorator {
  const nullable = presence === 'optional';
  const docs =
    presence === 'required'
      ? ApiProperty(doc)
      : ApiPropertyOptional({ ...doc, ...(nullable ? { nullable } : {}) });
  const when =
    presence === 'optional'
      ? [IsOptional()]
      : presence === 'not-null'
        ? [ValidateIf((_, v) => v !== undefined)]
        : [];
  return applyDecorators(docs, ...when, ...rules);
}

const trimmed = Transform(({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value,
);

/** Free text of a bounded length, trimmed; empty after trimming is refused. */
export const TextField = (presence: Presence, maxLength: number, description: string): Decorator =>
  field(
    presence,
    // What is left after trimming must say something: documented with the pattern that says so.
    { type: String, minLength: 1, maxLength, pattern: NOT_BLANK_PATTERN, description },
    trimmed,
    IsString(),
    IsNotEmpty(),
    MaxLength(maxLength),
  );

export const CountryCodeField = (presence: Presence): Decorator =>
  field(
    presence,
    { type: String, example: 'IR', description: 'ISO 3166-1 alpha-2 code of an assigned country.' },
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.trim().toUpperCase() : value,
    ),
    IsString(),
    IsISO31661Alpha2({ message: '$property must be an assigned ISO 3166-1 alpha-2 country code' }),
  );

export const LevelField = (presence: Presence): Decorator =>
  field(presence, { enum: CITY_LEVELS, description: 'Tier of local government.' }, IsIn(CITY_LEVELS));

export const MembershipStatusField = (presence: Presence): Decorator =>
  field(
    presence,
    { enum: MEMBERSHIP_STATUSES, description: 'Standing in the AMF.' },
    IsIn(MEMBERSHIP_STATUSES),
  );

export const PopulationField = (presence: Presence): Decorator =>
  field(presence, { type: Number, minimum: 0, example: 8693706 }, IsInt(), Min(0), Max(2_000_000_000));

export const PopulationYearField = (presence: Presence): Decorator =>
  field(
    presence,
    { type: Number, minimum: 1800, example: 2016, description: 'Year the population figure refers to.' },
    IsInt(),
    Min(1800),
    // A census can be published in advance of its reference year, never years ahead of it.
    Max(new Date().getUTCFullYear() + 1),
  );

/** Latitude and longitude are set (or removed) together: half a position places nothing. */
const pairedWith = (other: string): Decorator =>
  ValidateBy({
    name: 'pairedWith',
    constraints: [other],
    validator: {
      validate: (value, args) => {
        const otherValue = (args?.object as Record<string, unknown>)[other];
        return (
          (otherValue === undefined) === (value === undefined) && (otherValue === null) === (value === null)
        );
      },
      defaultMessage: (args) => `${args?.property} and ${other} must be given together`,
    },
  });

/** A number within ±limit, or null where the field is nullable. */
const inRange = (limit: number, nullable: boolean): Decorator =>
  ValidateBy({
    name: 'coordinate',
    constraints: [limit],
    validator: {
      validate: (value) =>
        value === null
          ? nullable
          : typeof value === 'number' && Number.isFinite(value) && value >= -limit && value <= limit,
      defaultMessage: (args) => `${args?.property} must be a number from -${limit} to ${limit}`,
    },
  });

const coordinate = (presence: Presence, limit: number, other: string, description: string): Decorator => {
  const nullable = presence === 'optional';
  const doc: ApiPropertyOptions = { type: Number, minimum: -limit, maximum: limit, description };
  const docs =
    presence === 'required'
      ? ApiProperty(doc)
      : ApiPropertyOptional({ ...doc, ...(nullable ? { nullable } : {}) });
  // Not IsOptional, which skips every rule of a null value, the pairing among them: a lone
  // `latitude: null` then reached the database's check constraint, a 500 the fuzzer found. The rules
  // run whenever this coordinate or the other one is given.
  const when =
    presence === 'required'
      ? []
      : [
          ValidateIf(
            (object: object, value: unknown) =>
              value !== undefined || (object as Record<string, unknown>)[other] !== undefined,
          ),
        ];
  return applyDecorators(docs, ...when, inRange(limit, nullable), pairedWith(other));
};

export const LatitudeField = (presence: Presence): Decorator =>
  coordinate(presence, 90, 'longitude', 'WGS 84 latitude, with longitude.');
export const LongitudeField = (presence: Presence): Decorator =>
  coordinate(presence, 180, 'latitude', 'WGS 84 longitude, with latitude.');

export const WebsiteField = (presence: Presence): Decorator =>
  field(
    presence,
    { type: String, format: 'uri', example: 'https://tehran.ir' },
    trimmed,
    IsUrl({ protocols: ['http', 'https'], require_protocol: true }),
    MaxLength(500),
  );

export const ContactsField = (presence: Presence): Decorator =>
  field(
    presence,
    { type: [ContactOfficerDto], description: 'People notified about the city’s partnerships.' },
    IsArray(),
    MaxItems(20),
    ValidateNested({ each: true }),
    Type(() => ContactOfficerDto),
  );

export const SdgFocusField = (presence: Presence): Decorator =>
  field(
    presence,
    {
      type: 'array',
      items: { type: 'integer', minimum: 1, maximum: 17 },
      example: [6, 11, 13],
      description: 'UN Sustainable Development Goals (1–17) put first.',
    },
    IsArray(),
    UniqueItems(),
    IsInt({ each: true }),
    Min(1, { each: true }),
    Max(17, { each: true }),
  );

// Language, optional script and optional region: `fa`, `zh-Hant`, `en-SG`, `es-419`.
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/;

export const LanguagesField = (presence: Presence): Decorator =>
  field(
    presence,
    {
      type: 'array',
      items: { type: 'string', pattern: LANGUAGE_TAG.source },
      example: ['fa'],
      description: 'BCP 47 tags of the administration’s working languages.',
    },
    IsArray(),
    UniqueItems(),
    MaxItems(20),
    Matches(LANGUAGE_TAG, {
      each: true,
      message: 'each of $property must be a BCP 47 tag such as fa or zh-Hant',
    }),
  );

// Years 1000-9999: IsISO8601 reads years below 100 as 19xx and refuses them, and no date of this
// API is that old; the same expression validates and documents.
const DAY = /^[1-9]\d{3}-\d{2}-\d{2}$/;

/** A calendar day, `YYYY-MM-DD`. */
export const DayField = (presence: Presence, description: string): Decorator =>
  field(
    presence,
    // The pattern too: `format` alone only annotates in JSON Schema 2020-12, and clients may skip it.
    { type: String, format: 'date', pattern: DAY.source, description },
    Matches(DAY, { message: '$property must be a day (YYYY-MM-DD)' }),
    IsISO8601({ strict: true }),
  );
