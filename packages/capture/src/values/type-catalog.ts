import { z } from 'zod';
import { BUILTIN_TYPES } from './builtin-types';
import type { PgTypeInfo } from './pg-type-info';

/** Runs one query on the source database; a pg.Client's or pg.Pool's `query` fits. */
export type CatalogQuery = (sql: string, params: unknown[]) => Promise<{ rows: unknown[] }>;

// The requested types plus, recursively, their element and base types, so a domain over an array
// of an enum is known after one round trip. Arrays are recognised by their output function:
// typcategory 'A' and a non-zero typelem also describe int2vector and oidvector, whose text is not
// array syntax.
const TYPES_SQL = `
WITH RECURSIVE wanted AS (
  SELECT t.oid, t.typname, t.typtype, t.typelem, t.typbasetype, t.typdelim,
         t.typoutput = 'pg_catalog.array_out'::pg_catalog.regproc AS is_array
  FROM pg_catalog.pg_type t
  WHERE t.oid = ANY($1::pg_catalog.oid[])
  UNION
  SELECT t.oid, t.typname, t.typtype, t.typelem, t.typbasetype, t.typdelim,
         t.typoutput = 'pg_catalog.array_out'::pg_catalog.regproc
  FROM pg_catalog.pg_type t
  JOIN wanted w ON t.oid = w.typelem OR t.oid = w.typbasetype
)
SELECT oid, typname, typtype, typelem, typbasetype, typdelim, is_array FROM wanted`;

// Also accepts the raw text a client without type parsers returns ('t', '16'), so the catalog can
// share a connection that keeps every value as text.
const booleanSchema = z.union([z.boolean(), z.enum(['t', 'f']).transform((text) => text === 't')]);
const typeRowSchema = z.object({
  oid: z.coerce.number(),
  typname: z.string(),
  typtype: z.string(),
  typelem: z.coerce.number(),
  typbasetype: z.coerce.number(),
  typdelim: z.string(),
  is_array: booleanSchema,
});
type TypeRow = z.infer<typeof typeRowSchema>;

/**
 * Describes column types for decodeValue(). Builtin types are known up front; others (enums,
 * domains, extension types, their arrays) are looked up once in the source database's pg_type and
 * kept, since an OID's type never changes while it exists.
 */
export class TypeCatalog {
  private readonly resolved = new Map<number, PgTypeInfo>();

  constructor(private readonly query: CatalogQuery) {}

  /** Looks up, in one query, every OID that is neither builtin nor resolved before. */
  async resolve(oids: readonly number[]): Promise<void> {
    const unknown = [...new Set(oids)].filter((oid) => !this.isKnown(oid));
    if (unknown.length === 0) return;
    const result = await this.query(TYPES_SQL, [unknown]);
    const rows = new Map<number, TypeRow>();
    for (const raw of result.rows) {
      const row = typeRowSchema.parse(raw);
      rows.set(row.oid, row);
    }
    for (const oid of unknown) this.build(oid, rows);
  }

  /** The descriptor of a builtin or resolved OID; throws for one that resolve() was not given. */
  describe(oid: number): PgTypeInfo {
    const info = BUILTIN_TYPES.get(oid) ?? this.resolved.get(oid);
    if (!info) throw new Error(`type OID ${oid} is not resolved: call TypeCatalog.resolve() with it first`);
    return info;
  }

  private isKnown(oid: number): boolean {
    return BUILTIN_TYPES.has(oid) || this.resolved.has(oid);
  }

  private build(oid: number, rows: ReadonlyMap<number, TypeRow>): PgTypeInfo {
    const known = BUILTIN_TYPES.get(oid) ?? this.resolved.get(oid);
    if (known) return known;
    const row = rows.get(oid);
    // A type dropped since the change was written: its text is all there is, so pass it on.
    const info = row ? this.describeRow(row, rows) : { oid, name: String(oid), kind: 'other' as const };
    this.resolved.set(oid, info);
    return info;
  }

  private describeRow(row: TypeRow, rows: ReadonlyMap<number, TypeRow>): PgTypeInfo {
    const identity = { oid: row.oid, name: row.typname };
    if (row.typtype === 'd') return { ...this.build(row.typbasetype, rows), ...identity };
    if (row.is_array && row.typelem !== 0) {
      // array_out separates elements with the element type's delimiter (';' for box); the parser
      // knows only ',', so such arrays travel as text rather than split in the wrong places.
      const delimiter = BUILTIN_TYPES.has(row.typelem) ? ',' : rows.get(row.typelem)?.typdelim;
      if (delimiter !== ',') return { ...identity, kind: 'other' };
      return { ...identity, kind: 'array', element: this.build(row.typelem, rows) };
    }
    if (row.typtype === 'e') return { ...identity, kind: 'enum' };
    return { ...identity, kind: 'other' };
  }
}
