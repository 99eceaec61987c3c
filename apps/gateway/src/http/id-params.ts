import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** `/{id}` path parameters: a malformed id is a 400 naming `id`, never a trip to the database. */
export class IdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}
