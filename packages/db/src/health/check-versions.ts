/**
 * Digests of the settings each check depends on, as SQL over the sink (`sink`) or source
 * (`source`) row named by the alias. A check records the digest it used; a check whose digest is
 * not the current one was of settings since edited, and says nothing about them. One definition,
 * used where checks are claimed and where their results are read.
 */

/** What a stream check depends on: the ARN, the endpoint and the credentials. */
export function streamVersionSql(sink: string): string {
  return `md5(concat_ws('|', ${sink}.stream_arn, ${sink}.endpoint, ${sink}.access_key_id, ${sink}.secret_access_key_ciphertext))`;
}

/** What a sink's table checks depend on: its tables and how each is grouped. */
export function tablesVersionSql(sink: string): string {
  return `(SELECT md5(coalesce(string_agg(t.table_schema || '.' || t.table_name || ':' || array_to_string(t.group_columns, ','), ';'
                      ORDER BY t.table_schema, t.table_name), ''))
             FROM sink_table t WHERE t.sink_id = ${sink}.id)`;
}

/** What a source's connection check depends on: how to reach it, and the publication and slot. */
export function sourceVersionSql(source: string): string {
  return `md5(concat_ws('|', ${source}.host, ${source}.port, ${source}.database, ${source}.username,
                 ${source}.password_ciphertext, ${source}.ssl_mode, ${source}.publication_name, ${source}.slot_name))`;
}

/** Milliseconds from `column` to now, by the database's clock; null when the column is. */
export function agoMsSql(column: string): string {
  return `(extract(epoch FROM now() - ${column}) * 1000)::float8`;
}
