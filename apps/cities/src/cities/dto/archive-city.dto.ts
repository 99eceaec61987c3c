import { TextField } from './city-fields';

/** `POST /cities/:id/archive`: the body is optional. */
export class ArchiveCityDto {
  // 'not-null': the city-archived event carries no null reason.
  @TextField('not-null', 1000, 'Why the city is archived.')
  reason?: string;
}
