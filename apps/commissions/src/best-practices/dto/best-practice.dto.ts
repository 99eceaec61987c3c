import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BEST_PRACTICE_STATUSES,
  COMMON_CHALLENGES,
  COOPERATION_AREAS,
  type BestPracticeStatus,
  type CommonChallenge,
  type CooperationArea,
} from '@c2c/contracts';
import { MaxItems, MinItems, PageQueryDto, UniqueItems } from '@c2c/platform';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsText } from '../../commissions/dto/text.decorator';
import type { BestPractice, BestPracticePage, PracticeContent, PracticeTransfer } from '../best-practice';

const SDG_RANGE = { minimum: 1, maximum: 17 } as const;

/** Who other cities ask about the practice. E-mail and phone are shown to officers only. */
export class PracticeContactDto {
  @ApiProperty({ maxLength: 200, example: 'Aiko Tanaka' })
  @IsText(200)
  name!: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'Environment Bureau, waste reduction section' })
  @IsOptional()
  @IsText(200)
  role?: string;

  @ApiPropertyOptional({ format: 'email', example: 'waste-reduction@city.kitakyushu.example' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ maxLength: 40, example: '+81 93 582 2187' })
  @IsOptional()
  @IsText(40)
  phone?: string;
}

/** The content of a practice: what `POST /best-practices` submits and a revision replaces. */
export class PracticeContentDto implements PracticeContent {
  @ApiProperty({ maxLength: 300, example: 'Takakura home composting' })
  @IsText(300)
  title!: string;

  @ApiProperty({ maxLength: 20000, description: 'The problem the city faced.' })
  @IsText(20000)
  problem!: string;

  @ApiProperty({ maxLength: 20000, description: 'What was done.' })
  @IsText(20000)
  solution!: string;

  @ApiProperty({ maxLength: 20000, description: 'What came of it, measured where possible.' })
  @IsText(20000)
  results!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 20000, description: 'Lessons learned.' })
  @IsOptional()
  @IsText(20000)
  lessons: string | null = null;

  @ApiProperty({ type: PracticeContactDto })
  @ValidateNested()
  @Type(() => PracticeContactDto)
  contact!: PracticeContactDto;

  @ApiProperty({ enum: COMMON_CHALLENGES, isArray: true, description: 'At least one common challenge.' })
  @IsArray()
  @MinItems(1)
  @UniqueItems()
  @IsIn(COMMON_CHALLENGES, { each: true, message: 'each value in challenges must be one of: $constraint1' })
  challenges!: CommonChallenge[];

  @ApiProperty({
    type: 'integer',
    isArray: true,
    ...SDG_RANGE,
    description: 'UN SDG numbers the practice serves.',
  })
  @IsArray()
  @MaxItems(17)
  @UniqueItems()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(17, { each: true })
  sdgs!: number[];

  @ApiProperty({ enum: COOPERATION_AREAS, isArray: true })
  @IsArray()
  @UniqueItems()
  @IsIn(COOPERATION_AREAS, {
    each: true,
    message: 'each value in cooperationAreas must be one of: $constraint1',
  })
  cooperationAreas!: CooperationArea[];
}

/** `POST /best-practices`: a city officer submits a practice of their own city. */
export class SubmitBestPracticeDto extends PracticeContentDto {
  @ApiProperty({ format: 'uuid', description: 'The city whose practice it is.' })
  @IsUUID()
  cityId!: string;
}

/** `POST /best-practices/{id}/publication`. */
export class PublishBestPracticeDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The commission the reviewer publishes for: a commission officer of several commissions names one ' +
      '(of its own); the secretariat may name one or none.',
  })
  @IsOptional()
  @IsUUID()
  commissionId?: string;
}

/** `POST /best-practices/{id}/return`. */
export class ReturnBestPracticeDto extends PublishBestPracticeDto {
  @ApiProperty({ maxLength: 4000, example: 'Please add the tonnes of waste diverted per year.' })
  @IsText(4000)
  comments!: string;
}

/** `GET /best-practices`: the published library unless `status` says otherwise. */
export class ListBestPracticesDto extends PageQueryDto {
  @ApiPropertyOptional({
    maxLength: 200,
    example: 'composting -incineration',
    description:
      'Full-text search over title, problem, solution, results and lessons (English stemming; quoted ' +
      'phrases, `or`, and `-word` to exclude).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    enum: [...BEST_PRACTICE_STATUSES, 'all'],
    default: 'published',
    description:
      'Unpublished practices are seen by the secretariat, commission officers, and their own city’s ' +
      'officers (with `cityId`); `all` is every status the caller may see.',
  })
  @IsOptional()
  @IsIn([...BEST_PRACTICE_STATUSES, 'all'])
  status?: BestPracticeStatus | 'all';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  cityId?: string;

  @ApiPropertyOptional({ enum: COMMON_CHALLENGES })
  @IsOptional()
  @IsIn(COMMON_CHALLENGES)
  challenge?: CommonChallenge;

  @ApiPropertyOptional({ type: Number, ...SDG_RANGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(17)
  sdg?: number;

  @ApiPropertyOptional({ enum: COOPERATION_AREAS })
  @IsOptional()
  @IsIn(COOPERATION_AREAS)
  cooperationArea?: CooperationArea;
}

export class PracticeContactResponse {
  @ApiProperty() name!: string;
  @ApiPropertyOptional() role?: string;
  @ApiPropertyOptional({ format: 'email', description: 'Omitted for observers.' }) email?: string;
  @ApiPropertyOptional({ description: 'Omitted for observers.' }) phone?: string;
}

/** A practice of the library; its `version` is also its ETag, `W/"<version>"`. */
export class BestPracticeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) cityId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() problem!: string;
  @ApiProperty() solution!: string;
  @ApiProperty() results!: string;
  @ApiProperty({ type: String, nullable: true }) lessons!: string | null;
  @ApiProperty({ type: PracticeContactResponse }) contact!: PracticeContactResponse;
  @ApiProperty({ enum: COMMON_CHALLENGES, isArray: true }) challenges!: string[];
  @ApiProperty({ type: [Number] }) sdgs!: number[];
  @ApiProperty({ enum: COOPERATION_AREAS, isArray: true }) cooperationAreas!: string[];
  @ApiProperty({ enum: BEST_PRACTICE_STATUSES }) status!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The comments it was last returned with (kept after a revision, for the reviewer).',
  })
  comments!: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The commission whose officer last reviewed it; null: not reviewed, or by the secretariat.',
  })
  reviewCommissionId!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: string | null;
  @ApiProperty({ description: 'Bumped by every change; the ETag is W/"<version>".' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** A partnership that transferred the practice (a practice-transfer activity). */
export class PracticeTransferResponse {
  @ApiProperty({ format: 'uuid' }) partnershipId!: string;
  @ApiProperty() partnershipTitle!: string;
  @ApiProperty({ format: 'uuid' }) activityId!: string;
  @ApiProperty({ format: 'uuid' }) sourceCityId!: string;
  @ApiProperty({ format: 'uuid' }) adoptingCityId!: string;
  @ApiProperty({ format: 'date' }) startDate!: string;
}

/** `GET /best-practices/{id}`: the practice and the partnerships that transferred it. */
export class BestPracticePageResponse extends BestPracticeResponse {
  @ApiProperty({ type: [PracticeTransferResponse], description: 'Earliest first.' })
  transfers!: PracticeTransferResponse[];
}

/** What the caller is shown; observers do not get a contact's e-mail and phone (personal data). */
export interface Audience {
  reachesContacts: boolean;
}

export function toPracticeResponse(p: BestPractice, audience: Audience): BestPracticeResponse {
  const { name, role, email, phone } = p.contact;
  return {
    id: p.id,
    cityId: p.cityId,
    title: p.title,
    problem: p.problem,
    solution: p.solution,
    results: p.results,
    lessons: p.lessons,
    contact: {
      name,
      ...(role === undefined ? {} : { role }),
      ...(audience.reachesContacts && email !== undefined ? { email } : {}),
      ...(audience.reachesContacts && phone !== undefined ? { phone } : {}),
    },
    challenges: p.challenges,
    sdgs: p.sdgs,
    cooperationAreas: p.cooperationAreas,
    status: p.status,
    comments: p.comments,
    reviewCommissionId: p.reviewCommissionId,
    publishedAt: p.publishedAt === null ? null : p.publishedAt.toISOString(),
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

const toTransferResponse = (t: PracticeTransfer): PracticeTransferResponse => ({
  partnershipId: t.partnershipId,
  partnershipTitle: t.partnershipTitle,
  activityId: t.activityId,
  sourceCityId: t.sourceCityId,
  adoptingCityId: t.adoptingCityId,
  startDate: t.startDate,
});

export const toPracticePageResponse = (
  { practice, transfers }: BestPracticePage,
  audience: Audience,
): BestPracticePageResponse => ({
  ...toPracticeResponse(practice, audience),
  transfers: transfers.map(toTransferResponse),
});

export class CatalogueEntryResponse {
  @ApiProperty({ example: 'poverty-reduction' }) id!: string;
  @ApiProperty({ example: 'Poverty reduction' }) label!: string;
}

export class SdgResponse {
  @ApiProperty({ ...SDG_RANGE, example: 11 }) goal!: number;
  @ApiProperty({ example: 'Sustainable cities and communities' }) title!: string;
}

/** `GET /common-challenges`: what practices are tagged with. */
export class PracticeCatalogueResponse {
  @ApiProperty({
    type: [CatalogueEntryResponse],
    description: 'The common challenges, in the forum’s words.',
  })
  challenges!: CatalogueEntryResponse[];
  @ApiProperty({ type: [SdgResponse], description: 'The 17 Sustainable Development Goals.' })
  sdgs!: SdgResponse[];
  @ApiProperty({ enum: COOPERATION_AREAS, isArray: true, description: 'Cooperation areas.' })
  cooperationAreas!: string[];
}
