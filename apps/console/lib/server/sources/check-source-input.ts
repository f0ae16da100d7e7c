import { createSourceInputSchema } from '@shardline/db';
import { z } from 'zod';

const identifier = (field: string) =>
  z.string().trim().min(1, `${field} must not be empty`).max(63, `${field} must be at most 63 characters`);

/** A table the checks look at, as a sink would take it. */
export const sourceTableChoiceSchema = z.object({
  schema: identifier('schema').default('public'),
  name: identifier('name'),
  /** Columns whose values group the table's messages; needed when it has no primary key. */
  groupColumns: z.array(identifier('a grouping column')).default([]),
});

/**
 * Connection settings not saved yet (as for creating a source), and the tables to check them
 * for. `sourceId` names the saved source being edited: its stored password is used when none is
 * given, so checking an edit does not need the password typed again.
 */
export const checkSourceInputSchema = z.intersection(
  createSourceInputSchema,
  z.object({
    tables: z.array(sourceTableChoiceSchema).default([]),
    sourceId: z.uuid('sourceId must be the id of a saved source').optional(),
  }),
);
