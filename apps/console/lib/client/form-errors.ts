import { ApiError } from './api-fetch';

/**
 * Splits a failed save between the form's fields: the message goes next to the field the API
 * names (`streamArn`, or `tables.0.name` under `tables.0`), or at the top when no field shown takes it.
 */
export function fieldErrorOf(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError) || !error.field) return undefined;
  return error.field === field || error.field.startsWith(`${field}.`) ? error.message : undefined;
}

export function topErrorOf(error: unknown, fieldsShown: readonly string[]): string | undefined {
  if (!error) return undefined;
  if (error instanceof ApiError && error.field) {
    const shown = fieldsShown.some((field) => fieldErrorOf(error, field) !== undefined);
    if (shown) return undefined;
  }
  return error instanceof Error ? error.message : String(error);
}
