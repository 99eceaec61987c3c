import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { HasLength, IsOmittable, IsText, MaxItems, MinItems, UniqueItems } from './documented-rules';
import { NOT_BLANK_PATTERN } from './untrusted-input';

class Proposal {
  @ApiProperty({ description: 'What it is called.', maxLength: 200 })
  @HasLength(1, 200)
  title!: string;

  @ApiPropertyOptional({ description: 'Why.' })
  @IsOptional()
  @IsText(1000)
  reason?: string;

  @ApiProperty({ type: [String] })
  @MinItems(1)
  @MaxItems(3)
  @UniqueItems()
  areas!: string[];

  @ApiPropertyOptional({ description: 'Left out, not null.' })
  @IsOmittable()
  @HasLength(1, 10)
  note?: string;
}

// Where @nestjs/swagger keeps a property's documentation (its DECORATORS.API_MODEL_PROPERTIES).
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';
const documented = (property: string): Record<string, unknown> =>
  Reflect.getMetadata(API_MODEL_PROPERTIES, Proposal.prototype, property) as Record<string, unknown>;
const failing = (body: object): string[] =>
  validateSync(plainToInstance(Proposal, { title: 'T', areas: ['a'], ...body })).map(
    (error) => error.property,
  );

describe('documented validation rules', () => {
  it("add their keywords to the property's own documentation, which keeps its description and presence", () => {
    expect(documented('title')).toMatchObject({
      description: 'What it is called.',
      minLength: 1,
      maxLength: 200,
    });
    expect(documented('reason')).toMatchObject({
      description: 'Why.',
      required: false,
      minLength: 1,
      maxLength: 1000,
      pattern: NOT_BLANK_PATTERN,
    });
    expect(documented('areas')).toMatchObject({ isArray: true, minItems: 1, maxItems: 3, uniqueItems: true });
  });

  it('validate what they document', () => {
    expect(failing({})).toEqual([]);
    expect(failing({ title: '' })).toEqual(['title']);
    expect(failing({ reason: '   ' })).toEqual(['reason']);
    expect(failing({ areas: [] })).toEqual(['areas']);
    expect(failing({ areas: ['a', 'a'] })).toEqual(['areas']);
    expect(failing({ areas: ['a', 'b', 'c', 'd'] })).toEqual(['areas']);
  });

  it('IsOmittable lets a property be left out but not be null', () => {
    expect(failing({ note: undefined })).toEqual([]);
    expect(failing({ note: null })).toEqual(['note']);
  });

  it('the not-blank pattern is the rule as a JSON Schema pattern', () => {
    const notBlank = new RegExp(NOT_BLANK_PATTERN);
    expect(['a', ' a ', '東京'].every((text) => notBlank.test(text))).toBe(true);
    expect(['', '   ', 'a\u0001'].some((text) => notBlank.test(text))).toBe(false);
  });
});
