import { DomainError } from '@c2c/platform';

/** Every way a city operation can be refused. */
export enum CityErrorCode {
  NotFound = 'city-not-found',
  /** Also the problem type of the 409 clients see. */
  AlreadyRegistered = 'city-already-registered',
  /** Also the problem type of the 409 clients see. */
  Archived = 'city-archived',
  VersionMismatch = 'city-version-mismatch',
  Forbidden = 'city-forbidden',
}

/**
 * A refused city operation. Thrown by use cases, which know nothing of HTTP: the platform's exception
 * filter answers it by its kind (404 `not-found`, 409 with the code as type, 412 with the current
 * ETag, 403 `forbidden`).
 */
export class CityError extends DomainError<CityErrorCode> {
  static notFound(id: string): CityError {
    return new CityError(CityErrorCode.NotFound, 'not-found', `city ${id} does not exist`);
  }

  /** Points to the existing record, so the client can use it instead of registering again. */
  static alreadyRegistered(existingId: string, countryCode: string): CityError {
    return new CityError(
      CityErrorCode.AlreadyRegistered,
      'conflict',
      `a city with this name is already registered in ${countryCode}`,
      {
        title: 'The city is already registered',
        extensions: { existingCityId: existingId, existingCity: `/cities/${existingId}` },
      },
    );
  }

  static archived(id: string): CityError {
    return new CityError(CityErrorCode.Archived, 'conflict', `city ${id} is archived and cannot change`, {
      title: 'The city is archived',
    });
  }

  static versionMismatch(id: string, currentVersion: number): CityError {
    return new CityError(
      CityErrorCode.VersionMismatch,
      'version-mismatch',
      `city ${id} is at version ${currentVersion}; read it again and reapply your change`,
      { currentVersion },
    );
  }

  static forbidden(detail: string): CityError {
    return new CityError(CityErrorCode.Forbidden, 'forbidden', detail);
  }

  /** A city officer tried to change what only the secretariat may: `fields` names them. */
  static identityReserved(fields: readonly string[]): CityError {
    return new CityError(
      CityErrorCode.Forbidden,
      'forbidden',
      `only the secretariat may change a city's ${fields.join(', ')}`,
      { extensions: { fields: [...fields] } },
    );
  }
}
