import type { z } from 'zod';
import { BODY_LIMIT_BYTES } from '../api/body-limits';
import { parseInput, parseJsonText, readBodyText } from '../api/read-input';

/** Like readJsonBody, for a body that may be left out entirely: no body reads as `{}`. */
export async function readOptionalJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<z.output<S>> {
  const text = await readBodyText(request, BODY_LIMIT_BYTES.settings);
  if (text.trim() === '') return parseInput(schema, {});
  return parseInput(schema, parseJsonText(text));
}
