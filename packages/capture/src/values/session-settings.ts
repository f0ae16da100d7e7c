/**
 * Settings for the source connection that streams changes. pgoutput sends each value as the text of
 * its type's output function, run in the walsender's session, so these fix the text decodeValue()
 * parses: ISO dates in UTC, ISO 8601 intervals, shortest exact floats, hex bytea, UTF-8, and money
 * formatted independently of the server's locale.
 */
export const REPLICATION_SESSION_SETTINGS = {
  DateStyle: 'ISO, YMD',
  TimeZone: 'UTC',
  IntervalStyle: 'iso_8601',
  extra_float_digits: '3',
  bytea_output: 'hex',
  client_encoding: 'UTF8',
  lc_monetary: 'C',
} as const satisfies Readonly<Record<string, string>>;

// The server splits the startup `options` at unescaped whitespace; a backslash keeps the next
// character literal, so spaces (DateStyle's `ISO, YMD`) and backslashes need one.
function escapeOptionWord(word: string): string {
  return word.replace(/[\\\s]/g, '\\$&');
}

/**
 * The settings as a libpq `options` string (`-c DateStyle=ISO,\ YMD -c TimeZone=UTC …`), for
 * node-postgres' `options` connection parameter or PGOPTIONS.
 */
export function sessionOptionsString(
  settings: Readonly<Record<string, string>> = REPLICATION_SESSION_SETTINGS,
): string {
  return Object.entries(settings)
    .map(([name, value]) => `-c ${escapeOptionWord(name)}=${escapeOptionWord(value)}`)
    .join(' ');
}
