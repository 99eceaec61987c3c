import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

// Path parameters beyond `/{id}`: documented as uuids, so a malformed one is a 400 naming it (and the
// gateway checks it before forwarding), never a trip to the database.

/** `/commissions/{id}/membership-requests/{rid}`. */
export class RequestParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  rid!: string;
}

/** `/commissions/{id}/members/{cityId}`. */
export class MemberParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  cityId!: string;
}

/** `/commissions/{id}/meetings/{mid}`. */
export class MeetingParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  mid!: string;
}

/** `/commissions/{id}/resolutions/{rid}/actions/{aid}`. */
export class ActionParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  rid!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  aid!: string;
}
