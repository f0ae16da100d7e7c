/** Input that cannot be accepted; `field` names the offending part when there is one. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** The request clashes with what is stored (a name already taken, a state that forbids it). */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** One check run before saving, as the API reports it when it fails. */
export interface SavedSettingsCheck {
  id: string;
  status: 'ok' | 'warning' | 'error' | 'skipped';
  title: string;
  detail: string | null;
}

/**
 * Settings that did not pass their checks, and were not saved: the API answers 422
 * `checks_failed` with every check, so the person sees what fails and may save anyway (`force`).
 */
export class ChecksFailedError extends Error {
  override readonly name = 'ChecksFailedError';
  constructor(
    message: string,
    readonly checks: SavedSettingsCheck[],
  ) {
    super(message);
  }
}
