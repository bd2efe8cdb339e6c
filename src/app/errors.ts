/** A problem the person can fix or should know about; its message is shown to them as it is. */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserFacingError';
  }
}

/** The actor may not do this (someone else's object, or a role they do not have). */
export class NotAllowedError extends UserFacingError {
  constructor(message = "That isn't yours to change.") {
    super(message);
    this.name = 'NotAllowedError';
  }
}
