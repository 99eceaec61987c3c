import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, Matches } from 'class-validator';

// Years 1000-9999: IsISO8601 reads years below 100 as 19xx and refuses them, and no date of this
// API is that old; the same expression validates and documents.
const DAY = /^[1-9]\d{3}-\d{2}-\d{2}$/;

/** A calendar day, `YYYY-MM-DD`, that exists (no 30 February). */
export const IsCalendarDate = () =>
  applyDecorators(
    Matches(DAY, { message: '$property must be a date as YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a valid date' }),
    // Documented as validated; the pattern too, as `format` alone only annotates in JSON Schema 2020-12.
    ApiProperty({ format: 'date', pattern: DAY.source }),
  );
