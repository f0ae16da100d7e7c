/** ISO 8601 in UTC with the microseconds Postgres keeps, from microseconds since the Unix epoch. */
export function formatCommitTimestamp(unixMicros: bigint): string {
  const millis = unixMicros / 1000n;
  const micros = Number(unixMicros % 1_000_000n);
  const seconds = new Date(Number(millis)).toISOString().slice(0, 19);
  return `${seconds}.${String(micros).padStart(6, '0')}Z`;
}
