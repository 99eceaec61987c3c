import { ApiProperty } from '@nestjs/swagger';
import {
  PARTICIPANT_ROLES,
  PARTNERSHIP_STATUSES,
  PARTNERSHIP_TYPES,
  COOPERATION_AREAS,
} from '@c2c/contracts';
import type { PartnershipState } from '../partnership.types';
import { AgreementDto } from './propose-partnership.dto';

export class ParticipantResponse {
  @ApiProperty({ format: 'uuid' }) cityId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'JP' }) countryCode!: string;
  @ApiProperty({ enum: PARTICIPANT_ROLES }) role!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acceptedAt!: string | null;
}

/** A partnership as the API answers it; its `version` is also its ETag, `W/"<version>"`. */
export class PartnershipResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PARTNERSHIP_TYPES }) type!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: PARTNERSHIP_STATUSES }) status!: string;
  @ApiProperty({ format: 'uuid' }) proposerCityId!: string;
  @ApiProperty({ type: [ParticipantResponse] }) participants!: ParticipantResponse[];
  @ApiProperty({ enum: COOPERATION_AREAS, isArray: true }) cooperationAreas!: string[];
  @ApiProperty({ type: [Number] }) sdgTags!: number[];
  @ApiProperty({ type: String, format: 'date', nullable: true }) startDate!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endDate!: string | null;
  @ApiProperty({ type: AgreementDto, nullable: true }) agreement!: AgreementDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) activatedAt!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) lastActivityOn!: string | null;
  @ApiProperty({ description: 'Flagged dormant: no activity for the configured number of months.' })
  dormant!: boolean;
  @ApiProperty({ description: 'Bumped by every change; the ETag is W/"<version>".' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export const toPartnershipResponse = (s: PartnershipState): PartnershipResponse => ({
  id: s.id,
  type: s.type,
  title: s.title,
  description: s.description,
  status: s.status,
  proposerCityId: s.proposerCityId,
  participants: s.participants.map((p) => ({
    cityId: p.cityId,
    name: p.name,
    countryCode: p.countryCode,
    role: p.role,
    acceptedAt: p.acceptedAt?.toISOString() ?? null,
  })),
  cooperationAreas: s.cooperationAreas,
  sdgTags: s.sdgTags,
  startDate: s.startDate,
  endDate: s.endDate,
  agreement: s.agreement,
  activatedAt: s.activatedAt?.toISOString() ?? null,
  lastActivityOn: s.lastActivityOn,
  dormant: s.dormantSince !== null,
  version: s.version,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});
