import { DomainError, type FieldError } from '@c2c/platform';
import type { MeetingStatus } from '@c2c/contracts';
import type { RequestStatus } from './commission';

/** Every way a commission or membership operation can be refused; each is made by one factory below. */
export enum CommissionErrorCode {
  CommissionNotFound = 'commission-not-found',
  RequestNotFound = 'membership-request-not-found',
  MembershipNotFound = 'membership-not-found',
  Forbidden = 'commission-forbidden',
  RuleViolation = 'rule-violation',
  VersionMismatch = 'commission-version-mismatch',
  /** Also the problem type of the 409 clients see. */
  AlreadyMember = 'already-member',
  /** Also the problem type of the 409 clients see. */
  AlreadyApplied = 'already-applied',
  /** Also the problem type of the 409 clients see. */
  RequestDecided = 'membership-request-decided',
  /** Also the problem type of the 422 clients see. */
  CityNotEligible = 'city-not-eligible',
  /** Also the problem type of the 422 clients see. */
  CityNotMember = 'city-not-member',
  MeetingNotFound = 'meeting-not-found',
  /** Also the problem type of the 409 clients see: holding or cancelling a meeting already held or cancelled. */
  MeetingNotScheduled = 'meeting-not-scheduled',
  /** Also the problem type of the 409 clients see: adopting at a meeting that was not held. */
  MeetingNotHeld = 'meeting-not-held',
  /** Also the problem type of the 422 clients see: a resolution names a meeting of no such commission. */
  MeetingUnknown = 'meeting-unknown',
  ActionNotFound = 'action-not-found',
  /** Also the problem type of the 409 clients see: a done or dropped action does not change again. */
  ActionEnded = 'action-ended',
  PracticeNotFound = 'best-practice-not-found',
  /** Also the problem type of the 409 clients see: only a submitted practice is published or returned. */
  PracticeNotSubmitted = 'best-practice-not-submitted',
  /** Also the problem type of the 409 clients see: a published practice is not revised. */
  PracticePublished = 'best-practice-published',
  /** Also the problem type of the 422 clients see: a practice of a city this service does not know. */
  CityUnknown = 'city-unknown',
}

/**
 * A refused commission operation. Thrown by use cases, which know nothing of HTTP; the platform's filter
 * answers it by its kind (a 409 or 422 carries the code as its problem type).
 */
export class CommissionError extends DomainError<CommissionErrorCode> {
  private constructor(
    code: CommissionErrorCode,
    kind: DomainError['kind'],
    message: string,
    details: DomainError['details'] = {},
  ) {
    super(code, kind, message, details);
  }

  static commissionNotFound(id: string): CommissionError {
    return new CommissionError(
      CommissionErrorCode.CommissionNotFound,
      'not-found',
      `commission ${id} does not exist`,
    );
  }

  static requestNotFound(commissionId: string, id: string): CommissionError {
    return new CommissionError(
      CommissionErrorCode.RequestNotFound,
      'not-found',
      `commission ${commissionId} has no membership request ${id}`,
    );
  }

  static membershipNotFound(commissionId: string, cityId: string): CommissionError {
    return new CommissionError(
      CommissionErrorCode.MembershipNotFound,
      'not-found',
      `city ${cityId} is not a member of commission ${commissionId}`,
    );
  }

  /** Rules broken by the input; the answer has the shape of request validation, so clients handle one 400. */
  static rules(fields: FieldError[]): CommissionError {
    const names = [...new Set(fields.map((field) => field.field))].join(', ');
    return new CommissionError(CommissionErrorCode.RuleViolation, 'invalid', `invalid field(s): ${names}`, {
      fields,
    });
  }

  static forbidden(message: string): CommissionError {
    return new CommissionError(CommissionErrorCode.Forbidden, 'forbidden', message);
  }

  static versionMismatch(what: string, currentVersion: number): CommissionError {
    return new CommissionError(
      CommissionErrorCode.VersionMismatch,
      'version-mismatch',
      `${what} is at version ${currentVersion}; read it again and reapply your change`,
      { currentVersion },
    );
  }

  static alreadyMember(commissionId: string, cityId: string): CommissionError {
    return new CommissionError(
      CommissionErrorCode.AlreadyMember,
      'conflict',
      `city ${cityId} is already a member of commission ${commissionId}`,
      { title: 'The city is already a member', extensions: { commissionId, cityId } },
    );
  }

  static alreadyApplied(commissionId: string, cityId: string, requestId: string): CommissionError {
    return new CommissionError(
      CommissionErrorCode.AlreadyApplied,
      'conflict',
      `city ${cityId} has a pending request to join commission ${commissionId}`,
      {
        title: 'The city has applied already',
        extensions: { commissionId, cityId, pendingRequestId: requestId },
      },
    );
  }

  static requestDecided(id: string, currentStatus: RequestStatus): CommissionError {
    return new CommissionError(
      CommissionErrorCode.RequestDecided,
      'conflict',
      `membership request ${id} is ${currentStatus}: only a pending request can be decided`,
      { title: 'The request is no longer pending', extensions: { currentStatus } },
    );
  }

  /**
   * Well-formed, but the city cannot join: unknown to this service, archived, or not an active AMF
   * member. A 422 rather than a 409: nothing about the commission stands in the way, the city does.
   */
  static cityNotEligible(cityId: string, why: string): CommissionError {
    return new CommissionError(
      CommissionErrorCode.CityNotEligible,
      'unprocessable',
      `city ${cityId} may not join a commission: ${why}`,
      { title: 'Only active AMF member cities may join a commission', extensions: { cityId } },
    );
  }

  /** Chair and vice-chairs are chosen among the members: a 422 naming each field and its cities. */
  static citiesNotMembers(
    commissionId: string,
    errors: { field: string; cityIds: string[] }[],
  ): CommissionError {
    const fields = errors.map((error) => error.field).join(', ');
    return new CommissionError(
      CommissionErrorCode.CityNotMember,
      'unprocessable',
      `${fields} name(s) a city that is not a member of commission ${commissionId}`,
      {
        title: 'Chair and vice-chairs are member cities',
        extensions: {
          errors: errors.map((error) => ({ ...error, message: 'not a member of the commission' })),
        },
      },
    );
  }

  static meetingNotFound(commissionId: string, id: string): CommissionError {
    return new CommissionError(
      CommissionErrorCode.MeetingNotFound,
      'not-found',
      `commission ${commissionId} has no meeting ${id}`,
    );
  }

  /** Held and cancelled are both final: a cancelled meeting is never held, a held one never cancelled. */
  static meetingNotScheduled(id: string, currentStatus: MeetingStatus): CommissionError {
    return new CommissionError(
      CommissionErrorCode.MeetingNotScheduled,
      'conflict',
      `meeting ${id} is ${currentStatus}: only a scheduled meeting can be held or cancelled`,
      { title: 'The meeting is no longer scheduled', extensions: { currentStatus } },
    );
  }

  /** Only a held meeting adopts: a scheduled one has not met yet, a cancelled one never will. */
  static meetingNotHeld(id: string, currentStatus: MeetingStatus): CommissionError {
    return new CommissionError(
      CommissionErrorCode.MeetingNotHeld,
      'conflict',
      `meeting ${id} is ${currentStatus}: resolutions are adopted only at a held meeting`,
      { title: 'The meeting was not held', extensions: { currentStatus } },
    );
  }

  /** A 422 rather than a 404: the path names a commission that exists, the body a meeting it never had. */
  static meetingUnknown(commissionId: string, meetingId: string): CommissionError {
    return new CommissionError(
      CommissionErrorCode.MeetingUnknown,
      'unprocessable',
      `commission ${commissionId} has no meeting ${meetingId}`,
      { title: 'The meeting is not one of this commission', extensions: { meetingId } },
    );
  }

  static actionNotFound(resolutionId: string, id: string): CommissionError {
    return new CommissionError(
      CommissionErrorCode.ActionNotFound,
      'not-found',
      `resolution ${resolutionId} has no follow-up action ${id}`,
    );
  }

  static actionEnded(id: string, currentStatus: string): CommissionError {
    return new CommissionError(
      CommissionErrorCode.ActionEnded,
      'conflict',
      `action ${id} is ${currentStatus}: a done or dropped action does not change again`,
      { title: 'The action has ended', extensions: { currentStatus } },
    );
  }

  /**
   * Well-formed, but a field names a city this service does not know (or an archived one where only a
   * current city will do): a 422 naming each field and its cities, like {@link citiesNotMembers}.
   */
  static citiesUnknown(errors: { field: string; cityIds: string[] }[]): CommissionError {
    const fields = errors.map((error) => error.field).join(', ');
    return new CommissionError(
      CommissionErrorCode.CityUnknown,
      'unprocessable',
      `${fields} name(s) a city this service does not know, or an archived one`,
      {
        title: 'The city is not one this service knows',
        extensions: {
          errors: errors.map((error) => ({ ...error, message: 'unknown or archived city' })),
        },
      },
    );
  }

  static practiceNotFound(id: string): CommissionError {
    return new CommissionError(
      CommissionErrorCode.PracticeNotFound,
      'not-found',
      `the library has no best practice ${id}`,
    );
  }

  static practiceNotSubmitted(id: string, currentStatus: string): CommissionError {
    return new CommissionError(
      CommissionErrorCode.PracticeNotSubmitted,
      'conflict',
      `best practice ${id} is ${currentStatus}: only a submitted practice is published or returned`,
      { title: 'The practice is not awaiting review', extensions: { currentStatus } },
    );
  }

  static practicePublished(id: string): CommissionError {
    return new CommissionError(
      CommissionErrorCode.PracticePublished,
      'conflict',
      `best practice ${id} is published: a published practice is not revised`,
      { title: 'The practice is published', extensions: { currentStatus: 'published' } },
    );
  }

  /** A 422: the request is well-formed, but the city is unknown to this service or archived. */
  static cityUnknown(cityId: string, why: string): CommissionError {
    return new CommissionError(
      CommissionErrorCode.CityUnknown,
      'unprocessable',
      `city ${cityId} cannot submit a practice: ${why}`,
      { title: 'The city is not one the library knows', extensions: { cityId } },
    );
  }
}
