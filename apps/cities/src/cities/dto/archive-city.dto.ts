import { TextField } from './city-fields';

/** `POST /cities/:id/archive`: the body is optional. */
export class ArchiveCityDto {
  @TextField('optional', 1000, 'Why the city is archived.')
  reason?: string;
}
