import { etagOf, Problem, ProblemType } from '@c2c/platform';

/** Every way a city operation can be refused; the HTTP mapping below switches on it exhaustively. */
export enum CityErrorCode {
  NotFound = 'city-not-found',
  AlreadyRegistered = 'city-already-registered',
  Archived = 'city-archived',
  VersionMismatch = 'city-version-mismatch',
  Forbidden = 'city-forbidden',
}

/** A refused city operation. Thrown by use cases, which know nothing of HTTP. */
export class CityError extends Error {
  private constructor(
    readonly code: CityErrorCode,
    message: string,
    /** The city concerned: the existing one for `AlreadyRegistered`. */
    readonly cityId?: string,
    /** The stored version, for `VersionMismatch`. */
    readonly currentVersion?: number,
  ) {
    super(message);
    this.name = 'CityError';
  }

  static notFound(id: string): CityError {
    return new CityError(CityErrorCode.NotFound, `city ${id} does not exist`, id);
  }

  static alreadyRegistered(existingId: string, countryCode: string): CityError {
    return new CityError(
      CityErrorCode.AlreadyRegistered,
      `a city with this name is already registered in ${countryCode}`,
      existingId,
    );
  }

  static archived(id: string): CityError {
    return new CityError(CityErrorCode.Archived, `city ${id} is archived and cannot change`, id);
  }

  static versionMismatch(id: string, currentVersion: number): CityError {
    return new CityError(
      CityErrorCode.VersionMismatch,
      `city ${id} is at version ${currentVersion}; read it again and reapply your change`,
      id,
      currentVersion,
    );
  }

  static forbidden(detail: string): CityError {
    return new CityError(CityErrorCode.Forbidden, detail);
  }
}

const ALREADY_REGISTERED = {
  code: CityErrorCode.AlreadyRegistered,
  status: 409,
  title: 'The city is already registered',
};
const ARCHIVED = { code: CityErrorCode.Archived, status: 409, title: 'The city is archived' };

/** The problem+json a client gets for a refused city operation. */
export function cityProblem(error: CityError): Problem {
  switch (error.code) {
    case CityErrorCode.NotFound:
      return new Problem(ProblemType.NotFound, error.message);
    case CityErrorCode.AlreadyRegistered:
      // Points to the existing record so the client can use it instead of registering again.
      return new Problem(ALREADY_REGISTERED, error.message, {
        extensions: { existingCityId: error.cityId, existingCity: `/cities/${error.cityId}` },
      });
    case CityErrorCode.Archived:
      return new Problem(ARCHIVED, error.message);
    case CityErrorCode.VersionMismatch:
      return new Problem(ProblemType.PreconditionFailed, error.message, {
        headers: { etag: etagOf(error.currentVersion ?? 0) },
      });
    case CityErrorCode.Forbidden:
      return new Problem(ProblemType.Forbidden, error.message);
    default: {
      const unhandled: never = error.code;
      throw new Error(`unmapped city error ${String(unhandled)}`);
    }
  }
}
