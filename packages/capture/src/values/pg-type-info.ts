/** Kinds that decode differently; every type not worth a rule of its own is `other` and travels as its text. */
export type PgScalarKind =
  | 'int'
  | 'bigint'
  | 'numeric'
  | 'float'
  | 'bool'
  | 'text'
  | 'json'
  | 'timestamptz'
  | 'timestamp'
  | 'date'
  | 'time'
  | 'timetz'
  | 'interval'
  | 'bytea'
  | 'uuid'
  | 'enum'
  | 'other';
export type PgTypeKind = PgScalarKind | 'array';

interface PgTypeIdentity {
  readonly oid: number;
  /** pg_type.typname: `int4`, `_int4` for its array, or a domain's or enum's own name. */
  readonly name: string;
}

export interface PgScalarTypeInfo extends PgTypeIdentity {
  readonly kind: PgScalarKind;
}

export interface PgArrayTypeInfo extends PgTypeIdentity {
  readonly kind: 'array';
  readonly element: PgTypeInfo;
}

/** How to decode a column's text. A domain keeps its own oid and name but takes its base type's kind. */
export type PgTypeInfo = PgScalarTypeInfo | PgArrayTypeInfo;
