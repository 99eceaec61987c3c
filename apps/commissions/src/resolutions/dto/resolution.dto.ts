import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../commissions/dto/calendar-date.decorator';
import { IsText } from '../../commissions/dto/text.decorator';
import {
  ACTION_STATUSES,
  type ActionStatus,
  type FollowUpAction,
  type Resolution,
  RESOLUTION_KINDS,
  type ResolutionKind,
} from '../resolution';
import { MaxItems } from '@c2c/platform';

/** One follow-up action of a resolution being adopted; every action starts `open`. */
export class NewActionDto {
  @ApiProperty({ format: 'uuid', description: 'The city responsible for carrying it out.' })
  @IsUUID()
  ownerCityId!: string;

  @ApiProperty({ maxLength: 2000, example: 'Host a training workshop on Takakura composting.' })
  @IsText(2000)
  description!: string;

  @ApiProperty({ format: 'date', example: '2027-03-31' })
  @IsCalendarDate()
  dueDate!: string;
}

/** `POST /commissions/{id}/resolutions`: adopted at a held meeting of this commission. */
export class AdoptResolutionDto {
  @ApiProperty({ format: 'uuid', description: 'The held meeting that adopted it.' })
  @IsUUID()
  meetingId!: string;

  @ApiProperty({ enum: RESOLUTION_KINDS })
  @IsIn(RESOLUTION_KINDS)
  kind!: ResolutionKind;

  @ApiProperty({ maxLength: 300, example: 'Surabaya Declaration on community-based waste management' })
  @IsText(300)
  title!: string;

  @ApiProperty({ maxLength: 50000 })
  @IsText(50000)
  text!: string;

  @ApiPropertyOptional({ type: [NewActionDto], maxItems: 100 })
  @IsOptional()
  @IsArray()
  @MaxItems(100)
  @ValidateNested({ each: true })
  @Type(() => NewActionDto)
  actions?: NewActionDto[];
}

/** `PATCH …/actions/{aid}`. */
export class ChangeActionStatusDto {
  @ApiProperty({ enum: ACTION_STATUSES, description: '`done` and `dropped` end the action.' })
  @IsIn(ACTION_STATUSES)
  status!: ActionStatus;
}

/** A follow-up action; its `version` is also its ETag, `W/"<version>"`. */
export class ActionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) resolutionId!: string;
  @ApiProperty({ format: 'uuid' }) ownerCityId!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ format: 'date' }) dueDate!: string;
  @ApiProperty({ enum: ACTION_STATUSES }) status!: string;
  @ApiProperty({ description: 'Bumped by every change; the ETag is W/"<version>".' }) version!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** A resolution or declaration with its follow-up actions. Its text never changes: always version 1. */
export class ResolutionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) commissionId!: string;
  @ApiProperty({ format: 'uuid' }) meetingId!: string;
  @ApiProperty({ enum: RESOLUTION_KINDS }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [ActionResponse] }) actions!: ActionResponse[];
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export const toActionResponse = (a: FollowUpAction): ActionResponse => ({
  id: a.id,
  resolutionId: a.resolutionId,
  ownerCityId: a.ownerCityId,
  description: a.description,
  dueDate: a.dueDate,
  status: a.status,
  version: a.version,
  updatedAt: a.updatedAt.toISOString(),
});

export const toResolutionResponse = (r: Resolution): ResolutionResponse => ({
  id: r.id,
  commissionId: r.commissionId,
  meetingId: r.meetingId,
  kind: r.kind,
  title: r.title,
  text: r.text,
  actions: r.actions.map(toActionResponse),
  version: r.version,
  createdAt: r.createdAt.toISOString(),
});
