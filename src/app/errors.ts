import { english, type MessageKey, type MessageParams, type Text } from '../core/catalog/index.js';

/** A problem the person can fix or should know about: shown to them in their own words. */
export class UserFacingError extends Error {
  readonly text: Text;

  constructor(key: MessageKey, params?: MessageParams) {
    const text = params ? { key, params } : { key };
    super(english.text(text));
    this.name = 'UserFacingError';
    this.text = text;
  }
}

/** The actor may not do this (someone else's object, or a role they do not have). */
export class NotAllowedError extends UserFacingError {
  constructor(key: MessageKey = 'common.notAllowed', params?: MessageParams) {
    super(key, params);
    this.name = 'NotAllowedError';
  }
}
