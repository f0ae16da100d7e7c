/**
 * Field names whose values are secrets wherever they appear in a logged object: AWS keys,
 * database passwords (and their ciphertexts, which are useless without the key but are still
 * nobody's business), whole credential objects, HTTP authorization headers, alert webhook URLs,
 * and the settings that hold the encryption key or a URL with a password in it.
 */
const SECRET_FIELDS = [
  'secretAccessKey',
  'secret_access_key',
  'secretAccessKeyCiphertext',
  'secret_access_key_ciphertext',
  'sessionToken',
  'credentials',
  'password',
  'passwordCiphertext',
  'password_ciphertext',
  'connectionString',
  'databaseUrl',
  'DATABASE_URL',
  'authorization',
  'Authorization',
  'cookie',
  'SHARDLINE_SECRET_KEY',
  'SHARDLINE_SECRET_KEY_PREVIOUS',
  // A chat webhook's path is its credential.
  'webhookUrl',
  'webhookUrlCiphertext',
  'webhook_url_ciphertext',
  'SHARDLINE_ALERT_WEBHOOK_URL',
];

// pino's paths do not recurse: `*.password` reaches exactly one level down. Three depths cover
// what gets logged in practice: the field itself, inside a logged object (`{ sink: {...} }`, an
// error's own properties) and one further down (`{ err: { config: { password } } }`,
// `{ req: { headers: { authorization } } }`).
const DEPTHS = ['', '*.', '*.*.'];

export const REDACTED = '[redacted]';

/**
 * pino's `redact` option for every logger Shardline creates for production, so a secret never
 * reaches the logs even when an object carrying one is logged by mistake.
 */
export const logRedaction: { paths: string[]; censor: string } = {
  paths: DEPTHS.flatMap((depth) => SECRET_FIELDS.map((field) => `${depth}${field}`)),
  censor: REDACTED,
};
