import type { SavedSettingsCheck } from '@shardline/core';
/** An error the API reports as `{ error: { code, message, field?, details? } }` with its HTTP status. */
export declare class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field?: string | undefined;
  /** Facts a client acts on (counts, failed checks), beside the sentence for people. */
  readonly details?: Record<string, unknown> | undefined;
  constructor(
    status: number,
    code: string,
    message: string,
    field?: string | undefined,
    /** Facts a client acts on (counts, failed checks), beside the sentence for people. */
    details?: Record<string, unknown> | undefined,
  );
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
