import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, Matches } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day, `YYYY-MM-DD`, that exists (no 30 February). */
export const IsCalendarDate = () =>
  applyDecorators(
    Matches(DAY, { message: '$property must be a date as YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a valid date' }),
    // Documented as validated; the pattern too, as `format` alone only annotates in JSON Schema 2020-12.
    ApiProperty({ format: 'date', pattern: DAY.source }),
  );
