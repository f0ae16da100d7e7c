import type { SavedSettingsCheck } from '@shardline/core';

/** An error the API reports as `{ error: { code, message, field?, details? } }` with its HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Facts a client acts on (counts, failed checks), beside the sentence for people. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export interface ErrorBody {
  /** `checks`: with `checks_failed`, every check run before saving (docs/api.md). */
  error: {
    code: string;
    message: string;
    field?: string;
    details?: Record<string, unknown>;
    checks?: SavedSettingsCheck[];
  };
}
