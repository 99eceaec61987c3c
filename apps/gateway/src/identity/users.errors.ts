import { DomainError, type FieldError } from '@c2c/platform';

/**
 * Every way a user operation can be refused. Kinds `not-found`, `invalid` and `version-mismatch` answer
 * with the platform's own types; a `conflict` answers with its code as the type, so `EmailTaken` is
 * spelled `conflict`, the type clients have always received for it.
 */
export enum UserErrorCode {
  NotFound = 'user-not-found',
  EmailTaken = 'conflict',
  InvalidRoleScope = 'invalid-role-scope',
  VersionMismatch = 'user-version-mismatch',
}

/** A refused user operation. Thrown by the identity use cases, which know nothing of HTTP. */
export class UserError extends DomainError<UserErrorCode> {
  static notFound(id: string): UserError {
    return new UserError(UserErrorCode.NotFound, 'not-found', `user ${id} does not exist`);
  }

  static emailTaken(email: string): UserError {
    return new UserError(UserErrorCode.EmailTaken, 'conflict', `a user with e-mail ${email} already exists`, {
      title: 'Conflict',
    });
  }

  /** A role and its scope disagree; `fields` says which to fix. */
  static invalidRoleScope(fields: FieldError[]): UserError {
    return new UserError(
      UserErrorCode.InvalidRoleScope,
      'invalid',
      `invalid field(s): ${fields.map((error) => error.field).join(', ')}`,
      { fields },
    );
  }

  /**
   * The caller's version is not the current one. `currentVersion` is sent back as the ETag when known;
   * a change lost to a concurrent writer between read and write does not know it.
   */
  static versionMismatch(currentVersion?: number): UserError {
    return currentVersion === undefined
      ? new UserError(
          UserErrorCode.VersionMismatch,
          'version-mismatch',
          'the user changed meanwhile; read it again',
        )
      : new UserError(
          UserErrorCode.VersionMismatch,
          'version-mismatch',
          `the resource is at version ${currentVersion}; read it again and reapply your change`,
          { currentVersion },
        );
  }
}
