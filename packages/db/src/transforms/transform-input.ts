import { z } from 'zod';

export const TRANSFORM_KINDS = ['code', 'path'] as const;
export type TransformKind = (typeof TRANSFORM_KINDS)[number];

/** The longest body stored: far above any sensible transform, well below a problem for Postgres. */
export const MAX_TRANSFORM_BODY_CHARS = 65_536;

/**
 * Every field of a transform with its rules and no defaults, so that an edit leaves a field that
 * was not given as it is. Only the shape is checked here: compiling the code is the API's job.
 */
const transformFieldsSchema = z.object({
  name: z.string().trim().min(1, 'name must not be empty').max(100, 'name must be at most 100 characters'),
  description: z.string().max(1000, 'the description must be at most 1000 characters'),
  kind: z.enum(TRANSFORM_KINDS, { error: 'kind must be code or path' }),
  // Kept as written (not trimmed): it is the person's code, shown back to them as they typed it.
  body: z
    .string()
    .max(
      MAX_TRANSFORM_BODY_CHARS,
      `the transform body must be at most ${MAX_TRANSFORM_BODY_CHARS} characters`,
    )
    .refine(
      (body) => body.trim() !== '',
      'the transform body is empty: write a function (code) or a path such as record.address (path)',
    ),
});

const FIELD_NAMES = Object.keys(transformFieldsSchema.shape).join(', ');

/** What a person (or the API) gives to create a transform. */
export const createTransformInputSchema = transformFieldsSchema.extend({
  description: transformFieldsSchema.shape.description.default(''),
});
export type CreateTransformInput = z.input<typeof createTransformInputSchema>;

/** Any subset of a transform's fields; a field left out keeps its value. */
export const updateTransformInputSchema = z
  .strictObject(transformFieldsSchema.partial().shape, {
    // Strict, so a mistyped field (boddy) is refused instead of silently changing nothing.
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `${issue.keys.map((key) => `"${key}"`).join(', ')} cannot be edited: the fields of a transform are ${FIELD_NAMES}`
        : undefined,
  })
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), {
    message: `nothing to change: give at least one of ${FIELD_NAMES}`,
  });
export type UpdateTransformInput = z.input<typeof updateTransformInputSchema>;
