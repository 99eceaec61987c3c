import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ConsumerStatusResponse,
  DeadLetterDetailResponse,
  DeadLetterFilterQuery,
  DeadLetterPositionParams,
  DeadLetterResponse,
  OutboxStatusResponse,
  ReplayDeadLettersDto,
  ReplayResultResponse,
} from '@c2c/messaging';
import { IsIn, IsOptional, ValidateIf } from 'class-validator';
import { SERVICES, type ServiceName } from '../../openapi/service-api-documents';

// What each service answers is defined once, in @c2c/messaging, beside the services' own admin
// endpoints; the gateway adds only which service said it, and which could not answer.

const SERVICE = { enum: SERVICES, example: 'partnerships', description: 'The service that answered.' };
const MISSING = {
  enum: SERVICES,
  isArray: true,
  description: 'Services that could not answer (down, not configured); the rest is still served.',
};

export class AdminDeadLettersQuery extends DeadLetterFilterQuery {
  @ApiPropertyOptional({ enum: SERVICES, description: 'Only this service’s consumer group.' })
  @IsOptional()
  @IsIn(SERVICES)
  service?: ServiceName;
}

export class AdminDeadLetterParams extends DeadLetterPositionParams {
  @ApiProperty({ enum: SERVICES })
  @IsIn(SERVICES)
  service!: ServiceName;
}

/**
 * `{service, partition, offset}` replays one letter; `{service?, type?, since?}` or `{service?, all:
 * true}` every unresolved letter they take, in every service unless one is named.
 */
export class AdminReplayDto extends ReplayDeadLettersDto {
  @ApiPropertyOptional({ enum: SERVICES, description: 'Required with `partition` and `offset`.' })
  @ValidateIf((body: AdminReplayDto) =>
    [body.service, body.partition, body.offset].some((v) => v !== undefined),
  )
  @IsIn(SERVICES)
  service?: ServiceName;
}

export class ServiceDeadLetterResponse extends DeadLetterResponse {
  @ApiProperty(SERVICE)
  service!: ServiceName;
}

export class ServiceDeadLetterDetailResponse extends DeadLetterDetailResponse {
  @ApiProperty(SERVICE)
  service!: ServiceName;
}

export class AdminDeadLettersResponse {
  @ApiProperty({ type: [ServiceDeadLetterResponse], description: 'Per service, oldest first per partition.' })
  items!: ServiceDeadLetterResponse[];

  @ApiProperty(MISSING)
  missing!: ServiceName[];
}

export class ServiceReplayResultResponse extends ReplayResultResponse {
  @ApiProperty(SERVICE)
  service!: ServiceName;
}

export class AdminReplayResponse {
  @ApiProperty({ type: [ServiceReplayResultResponse] })
  replayed!: ServiceReplayResultResponse[];

  @ApiProperty(MISSING)
  missing!: ServiceName[];
}

export class ServiceOutboxResponse extends OutboxStatusResponse {
  @ApiProperty(SERVICE)
  service!: ServiceName;
}

export class AdminOutboxResponse {
  @ApiProperty({ type: [ServiceOutboxResponse] })
  items!: ServiceOutboxResponse[];

  @ApiProperty(MISSING)
  missing!: ServiceName[];
}

export class ServiceConsumerResponse extends ConsumerStatusResponse {
  @ApiProperty(SERVICE)
  service!: ServiceName;
}

export class AdminConsumersResponse {
  @ApiProperty({ type: [ServiceConsumerResponse] })
  items!: ServiceConsumerResponse[];

  @ApiProperty(MISSING)
  missing!: ServiceName[];
}
