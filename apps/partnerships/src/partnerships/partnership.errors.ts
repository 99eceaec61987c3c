import type { PartnershipStatus } from '@c2c/contracts';
import { DomainError, type FieldError } from '@c2c/platform';
import type { CitiesOutside } from './activity.rules';
import { InvalidTransition, transitionsFrom } from './partnership.state-machine';

/** Every way a partnership operation can be refused; each is made by one factory below. */
export enum PartnershipErrorCode {
  NotFound = 'partnership-not-found',
  InvalidTransition = 'invalid-transition',
  Conflict = 'partnership-conflict',
  RuleViolation = 'rule-violation',
  Forbidden = 'partnership-forbidden',
  VersionMismatch = 'partnership-version-mismatch',
  /** Also the problem type of the 422 clients see. */
  NotParticipant = 'city-not-participant',
  /** Also the problem type of the 409 clients see. */
  TooManyOpenProposals = 'too-many-open-proposals',
  /** Also the problem type of the 422 clients see: a transfer naming no published best practice. */
  BestPracticeUnknown = 'best-practice-unknown',
}

/** What a client needs to see why the state refused: where the partnership is and where it may go. */
const stateOf = (currentStatus: PartnershipStatus) => ({
  currentStatus,
  allowedTransitions: transitionsFrom(currentStatus),
});

/**
 * A refused partnership operation. Thrown by use cases and the aggregate, which know nothing of HTTP;
 * the platform's filter answers it by its kind (a 409 carries the code as its problem type).
 */
export class PartnershipError extends DomainError<PartnershipErrorCode> {
  private constructor(
    code: PartnershipErrorCode,
    kind: DomainError['kind'],
    message: string,
    details: DomainError['details'] = {},
  ) {
    super(code, kind, message, details);
  }

  /** The status the partnership was in when a 409 refused the operation. */
  get currentStatus(): PartnershipStatus | undefined {
    return this.details.extensions?.currentStatus as PartnershipStatus | undefined;
  }

  static notFound(id: string): PartnershipError {
    return new PartnershipError(
      PartnershipErrorCode.NotFound,
      'not-found',
      `partnership ${id} does not exist`,
    );
  }

  static invalidTransition(error: InvalidTransition): PartnershipError {
    return new PartnershipError(PartnershipErrorCode.InvalidTransition, 'conflict', error.message, {
      title: 'The partnership is not in a state that allows this',
      extensions: stateOf(error.current),
    });
  }

  /** The state is right but something else about it is not (already accepted, an archived city). */
  static conflict(message: string, currentStatus: PartnershipStatus): PartnershipError {
    return new PartnershipError(PartnershipErrorCode.Conflict, 'conflict', message, {
      title: 'Conflicts with the partnership',
      extensions: stateOf(currentStatus),
    });
  }

  /** Rules broken by the input; the answer has the shape of request validation, so clients handle one 400. */
  static rules(fields: FieldError[]): PartnershipError {
    const names = [...new Set(fields.map((field) => field.field))].join(', ');
    return new PartnershipError(PartnershipErrorCode.RuleViolation, 'invalid', `invalid field(s): ${names}`, {
      fields,
    });
  }

  /**
   * Well-formed input naming cities outside the partnership: a 422 whose `errors` name each field with
   * the cities it wrongly names (`{ field, message, cityIds }`).
   */
  static notParticipants(violations: CitiesOutside[]): PartnershipError {
    const names = violations.map((violation) => violation.field).join(', ');
    return new PartnershipError(
      PartnershipErrorCode.NotParticipant,
      'unprocessable',
      `${names} name(s) a city that does not take part in the partnership`,
      { title: 'A city named does not take part in the partnership', extensions: { errors: violations } },
    );
  }

  /**
   * A practice transfer names a practice that is not published in the best-practice library (as this
   * service knows it from `c2c.commissions.v1`): a 422 whose `errors` name the field. Unknown and
   * unpublished read the same, so the answer does not tell which ids a library keeps unpublished.
   */
  static bestPracticeUnknown(bestPracticeId: string): PartnershipError {
    const message = `best practice ${bestPracticeId} is not published in the best-practice library`;
    return new PartnershipError(PartnershipErrorCode.BestPracticeUnknown, 'unprocessable', message, {
      title: 'A practice transfer names a published best practice',
      extensions: { errors: [{ field: 'practiceTransfer.bestPracticeId', message, bestPracticeId }] },
    });
  }

  /** The proposing city has `limit` proposals waiting for answers already. */
  static tooManyOpenProposals(cityId: string, limit: number): PartnershipError {
    return new PartnershipError(
      PartnershipErrorCode.TooManyOpenProposals,
      'conflict',
      `city ${cityId} has ${limit} open proposals, the most a city may have at once; withdraw one or wait for answers`,
      { title: 'Too many open proposals', extensions: { limit, cityId } },
    );
  }

  static forbidden(message: string): PartnershipError {
    return new PartnershipError(PartnershipErrorCode.Forbidden, 'forbidden', message);
  }

  static versionMismatch(id: string, currentVersion: number): PartnershipError {
    return new PartnershipError(
      PartnershipErrorCode.VersionMismatch,
      'version-mismatch',
      `partnership ${id} is at version ${currentVersion}; read it again and reapply your change`,
      { currentVersion },
    );
  }
}
