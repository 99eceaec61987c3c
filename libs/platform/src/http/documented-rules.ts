import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsString,
  Length,
  Matches,
  ValidateIf,
} from 'class-validator';
import { NOT_BLANK_PATTERN } from './untrusted-input';

// Validation rules that also say themselves in the OpenAPI document, so that what a request must be
// is written once and the document cannot promise what validation refuses. Each adds only its own
// keywords to the property's schema: @nestjs/swagger merges every @ApiProperty of a property, key by
// key (the one written above wins a key both name), so the field's own @ApiProperty keeps its
// description, example and whether it is required.

/** A string of `min` to `max` characters. */
export const HasLength = (min: number, max: number): PropertyDecorator =>
  applyDecorators(IsString(), Length(min, max), ApiProperty({ minLength: min, maxLength: max }));

/** Free text of 1 to `max` characters with something in it: whitespace alone says nothing. */
export const IsText = (max: number): PropertyDecorator =>
  applyDecorators(
    IsString(),
    Length(1, max),
    Matches(/\S/, { message: '$property must not be blank' }),
    ApiProperty({ minLength: 1, maxLength: max, pattern: NOT_BLANK_PATTERN }),
  );

/** An array of at least `min` items. */
export const MinItems = (min: number): PropertyDecorator =>
  applyDecorators(ArrayMinSize(min), ApiProperty({ minItems: min }));

/** An array of at most `max` items. */
export const MaxItems = (max: number): PropertyDecorator =>
  applyDecorators(ArrayMaxSize(max), ApiProperty({ maxItems: max }));

/** An array without repeated items. */
export const UniqueItems = (): PropertyDecorator =>
  applyDecorators(ArrayUnique(), ApiProperty({ uniqueItems: true }));

/**
 * A property that may be left out but, when sent, is validated: unlike `@IsOptional()`, `null` is not
 * a way of leaving it out, as the document (which does not say `nullable`) promises. For properties
 * whose null would otherwise reach the domain as a value.
 */
export const IsOmittable = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);
