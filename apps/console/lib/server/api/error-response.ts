import { ChecksFailedError, ConflictError, NotFoundError, ValidationError } from '@shardline/core';
import { ApiError, type ErrorBody } from './api-error';
import { jsonResponse } from './json-response';

/**
 * Turns any thrown error into the API's error body. Known errors keep their wording (it is
 * written for people); anything else is logged and answered with a generic 500, never a stack.
 */
export function errorResponse(error: unknown): Response {
  const known = describeKnownError(error);
  if (known) {
    const body: ErrorBody = { error: { code: known.code, message: known.message } };
    if (known.field) body.error.field = known.field;
    if (known.details) body.error.details = known.details;
    if (error instanceof ChecksFailedError) body.error.checks = error.checks;
    return jsonResponse(body, known.status);
  }
  console.error('unexpected error in an API route', error);
  return jsonResponse(
    {
      error: {
        code: 'internal',
        message: 'something went wrong on the server; the console log has the details',
      },
    },
    500,
  );
}

/** The status, code and wording of an error the API knows, or null for anything else. */
export function describeKnownError(error: unknown): {
  status: number;
  code: string;
  message: string;
  field?: string;
  details?: Record<string, unknown>;
} | null {
  if (error instanceof ApiError) return error;
  if (error instanceof ValidationError)
    return { status: 400, code: 'invalid_input', message: error.message, field: error.field };
  if (error instanceof NotFoundError) return { status: 404, code: 'not_found', message: error.message };
  if (error instanceof ChecksFailedError)
    return { status: 422, code: 'checks_failed', message: error.message };
  if (error instanceof ConflictError)
    return { status: 409, code: 'conflict', message: error.message, field: error.field };
  return null;
}
