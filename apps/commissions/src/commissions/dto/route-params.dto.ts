import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IdParams } from '@c2c/platform';

// Path parameters beyond `/{id}`, each adding its own to the commission's id: documented as uuids, so a
// malformed one is a 400 naming it (and the gateway checks it before forwarding), never a trip to the
// database.

/** `/commissions/{id}/membership-requests/{rid}`; also the resolution in `/commissions/{id}/resolutions/{rid}`. */
export class RequestParams extends IdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  rid!: string;
}

/** `/commissions/{id}/members/{cityId}`. */
export class MemberParams extends IdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  cityId!: string;
}

/** `/commissions/{id}/meetings/{mid}`. */
export class MeetingParams extends IdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  mid!: string;
}

/** `/commissions/{id}/resolutions/{rid}/actions/{aid}`. */
export class ActionParams extends RequestParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  aid!: string;
}
