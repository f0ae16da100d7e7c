/**
 * SQL for the columns, in key order, of a table's primary key (`indisprimary`) or replica
 * identity index (`indisreplident`), as a text array. `relation` is the SQL of the table's oid.
 */
export function indexColumnsSql(relation: string, which: 'indisprimary' | 'indisreplident'): string {
  return `ARRAY(SELECT a.attname::text
                  FROM pg_index x
                  CROSS JOIN LATERAL unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, position)
                  JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
                 WHERE x.indrelid = ${relation} AND x.${which}
                 ORDER BY k.position)`;
}
