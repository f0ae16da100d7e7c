import type { z } from 'zod';
import { parseInput, readJsonBody } from '../api/read-input';

/** Like readJsonBody, for a body that may be left out entirely: no body reads as `{}`. */
export async function readOptionalJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<z.output<S>> {
  const text = await request.clone().text();
  if (text.trim() === '') return parseInput(schema, {});
  return readJsonBody(request, schema);
}
