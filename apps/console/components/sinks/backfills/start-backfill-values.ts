import type { BackfillTableInput, SinkTable } from '@/lib/client/api-types';

/** One of the sink's tables in the start dialog: whether to read it, and what part of it. */
export interface BackfillTableChoice {
  schema: string;
  name: string;
  chosen: boolean;
  where: string;
  /** Per primary key column, in key order; empty: no bound on it (nor on the columns after it). */
  from: string[];
  to: string[];
}

export const choiceKey = (table: { schema: string; name: string }) => `${table.schema}.${table.name}`;

export function initialChoices(tables: readonly SinkTable[]): BackfillTableChoice[] {
  return tables.map((table) => ({
    schema: table.schema,
    name: table.name,
    chosen: true,
    where: '',
    from: [],
    to: [],
  }));
}

/**
 * The request's tables (in the sink's order) and, for placing the API's `tables.N…` errors, the
 * key of the table each index names. Null when no table is chosen.
 */
export function toBackfillTables(
  choices: readonly BackfillTableChoice[],
): { tables: BackfillTableInput[]; keys: string[] } | null {
  const chosen = choices.filter((choice) => choice.chosen);
  if (chosen.length === 0) return null;
  return {
    keys: chosen.map(choiceKey),
    tables: chosen.map((choice) => {
      const from = leadingValues(choice.from);
      const to = leadingValues(choice.to);
      return {
        schema: choice.schema,
        name: choice.name,
        ...(choice.where.trim() ? { where: choice.where.trim() } : {}),
        ...(from.length || to.length
          ? { keyRange: { ...(from.length ? { from } : {}), ...(to.length ? { to } : {}) } }
          : {}),
      };
    }),
  };
}

/** The values up to the first empty one: a bound is on the leading key columns. */
function leadingValues(values: readonly string[]): string[] {
  const end = values.indexOf('');
  return (end < 0 ? values : values.slice(0, end)).slice();
}
