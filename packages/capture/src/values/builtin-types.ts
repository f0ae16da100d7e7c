import type { PgScalarKind, PgTypeInfo } from './pg-type-info';

// [oid, typname, kind, array oid]. Builtin OIDs are fixed by Postgres (pg_type.dat), so these need
// no catalog query; their arrays all use ',' as the element delimiter.
const SCALARS: ReadonlyArray<readonly [number, string, PgScalarKind, number]> = [
  [16, 'bool', 'bool', 1000],
  [17, 'bytea', 'bytea', 1001],
  [18, 'char', 'text', 1002],
  [19, 'name', 'text', 1003],
  [20, 'int8', 'bigint', 1016],
  [21, 'int2', 'int', 1005],
  [23, 'int4', 'int', 1007],
  [25, 'text', 'text', 1009],
  [26, 'oid', 'int', 1028],
  [114, 'json', 'json', 199],
  [142, 'xml', 'other', 143],
  [650, 'cidr', 'other', 651],
  [700, 'float4', 'float', 1021],
  [701, 'float8', 'float', 1022],
  [790, 'money', 'other', 791],
  [829, 'macaddr', 'other', 1040],
  [869, 'inet', 'other', 1041],
  [1042, 'bpchar', 'text', 1014],
  [1043, 'varchar', 'text', 1015],
  [1082, 'date', 'date', 1182],
  [1083, 'time', 'time', 1183],
  [1114, 'timestamp', 'timestamp', 1115],
  [1184, 'timestamptz', 'timestamptz', 1185],
  [1186, 'interval', 'interval', 1187],
  [1266, 'timetz', 'timetz', 1270],
  [1700, 'numeric', 'numeric', 1231],
  [2950, 'uuid', 'uuid', 2951],
  [3802, 'jsonb', 'json', 3807],
];

function buildBuiltinTypes(): ReadonlyMap<number, PgTypeInfo> {
  const types = new Map<number, PgTypeInfo>();
  for (const [oid, name, kind, arrayOid] of SCALARS) {
    const element: PgTypeInfo = { oid, name, kind };
    types.set(oid, element);
    types.set(arrayOid, { oid: arrayOid, name: `_${name}`, kind: 'array', element });
  }
  return types;
}

/** Types whose descriptor is known without asking the source database. */
export const BUILTIN_TYPES: ReadonlyMap<number, PgTypeInfo> = buildBuiltinTypes();
