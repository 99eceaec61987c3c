import { ApiPropertyOptional } from '@nestjs/swagger';
import type { CityLevel, MembershipStatus } from '@c2c/contracts';
import { cursorOf, PageQueryDto } from '@c2c/platform';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import type { CityListFilter, CityPosition } from '../usecases/ports';
import { CountryCodeField, LevelField, MembershipStatusField } from './city-fields';

/** The cursor of `GET /cities`: the (name, id) of the last city of the page before. */
const CITY_CURSOR = cursorOf({ name: 'text', id: 'uuid' });

/** `GET /cities`: filters, all optional and combined with "and", plus the page. */
export class ListCitiesQueryDto extends PageQueryDto {
  @CountryCodeField('optional')
  country?: string;

  @LevelField('optional')
  level?: CityLevel;

  @MembershipStatusField('optional')
  membership?: MembershipStatus;

  @ApiPropertyOptional({
    maxLength: 100,
    description: 'Text in any of the names, in any script; tolerates small typos ("Tehrn").',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Include archived cities.' })
  @IsOptional()
  // Query strings are text: only the word "true" means true ("false" must not become true).
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeArchived?: boolean;

  filter(): CityListFilter {
    return {
      countryCode: this.country,
      level: this.level,
      membershipStatus: this.membership,
      text: this.q,
      includeArchived: this.includeArchived ?? false,
    };
  }

  /** Where the requested page starts; a cursor this API did not hand out is a 400 naming `cursor`. */
  after(): CityPosition | undefined {
    return this.cursor === undefined ? undefined : (CITY_CURSOR.decode(this.cursor) satisfies CityPosition);
  }
}
