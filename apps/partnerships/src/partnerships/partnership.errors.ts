import type { PartnershipStatus } from '@c2c/contracts';
import { FieldError, Problem, ProblemType } from '@c2c/platform';
import { InvalidTransition, transitionsFrom } from './partnership-state-machine';

/** Every way a partnership operation can be refused; {@link partnershipProblem} switches on it. */
export enum PartnershipErrorCode {
  NotFound = 'partnership-not-found',
  InvalidTransition = 'invalid-transition',
  Conflict = 'partnership-conflict',
  RuleViolation = 'rule-violation',
  Forbidden = 'partnership-forbidden',
}

/** A refused partnership operation. Thrown by use cases, which know nothing of HTTP. */
export class PartnershipError extends Error {
  private constructor(
    readonly code: PartnershipErrorCode,
    message: string,
    readonly details: { currentStatus?: PartnershipStatus; fields?: FieldError[] } = {},
  ) {
    super(message);
    this.name = 'PartnershipError';
  }

  static notFound(id: string): PartnershipError {
    return new PartnershipError(PartnershipErrorCode.NotFound, `partnership ${id} does not exist`);
  }

  static invalidTransition(error: InvalidTransition): PartnershipError {
    return new PartnershipError(PartnershipErrorCode.InvalidTransition, error.message, {
      currentStatus: error.current,
    });
  }

  /** The state is right but something else about it is not (already accepted, an archived city). */
  static conflict(message: string, currentStatus: PartnershipStatus): PartnershipError {
    return new PartnershipError(PartnershipErrorCode.Conflict, message, { currentStatus });
  }

  static rules(fields: FieldError[]): PartnershipError {
    const names = [...new Set(fields.map((field) => field.field))].join(', ');
    return new PartnershipError(PartnershipErrorCode.RuleViolation, `invalid field(s): ${names}`, { fields });
  }

  static forbidden(message: string): PartnershipError {
    return new PartnershipError(PartnershipErrorCode.Forbidden, message);
  }
}

const INVALID_TRANSITION = {
  code: PartnershipErrorCode.InvalidTransition,
  status: 409,
  title: 'The partnership is not in a state that allows this',
};
const CONFLICT = {
  code: PartnershipErrorCode.Conflict,
  status: 409,
  title: 'Conflicts with the partnership',
};

/** The problem+json a client gets for a refused partnership operation. */
export function partnershipProblem(error: PartnershipError): Problem {
  const { currentStatus, fields } = error.details;
  const state =
    currentStatus === undefined ? {} : { currentStatus, allowedTransitions: transitionsFrom(currentStatus) };
  switch (error.code) {
    case PartnershipErrorCode.NotFound:
      return new Problem(ProblemType.NotFound, error.message);
    case PartnershipErrorCode.InvalidTransition:
      return new Problem(INVALID_TRANSITION, error.message, { extensions: state });
    case PartnershipErrorCode.Conflict:
      return new Problem(CONFLICT, error.message, { extensions: state });
    case PartnershipErrorCode.RuleViolation:
      // The same shape as the platform's request validation, so clients handle one kind of 400.
      return new Problem(ProblemType.ValidationError, error.message, { errors: fields ?? [] });
    case PartnershipErrorCode.Forbidden:
      return new Problem(ProblemType.Forbidden, error.message);
    default: {
      const unhandled: never = error.code;
      throw new Error(`unmapped partnership error ${String(unhandled)}`);
    }
  }
}
