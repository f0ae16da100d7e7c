// Any 8-4-4-4-12 hex id Postgres accepts as a uuid, whatever its version.
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value can be a sink id; querying the uuid column with anything else is an error. */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
