/**
 * The most a route reads of a request's body. Beyond it the answer is 413 and the rest is not
 * read: a body is never held whole before its size is known to be reasonable.
 */
export const BODY_LIMIT_BYTES = {
  /** Sign-in, setup, accounts, tokens: an email, a password, a name. */
  credentials: 4 * 1024,
  /** Every other route's settings (sinks, sources, backfills, bulk operations). */
  settings: 256 * 1024,
  /** Transforms: a body of up to 65,536 characters, and pasted messages up to a 1 MiB record. */
  transforms: 2 * 1024 * 1024,
  /** A configuration file (shardline.yaml) with the values of its variables. */
  configuration: 4 * 1024 * 1024 + 256 * 1024,
} as const;

export type BodyLimit = keyof typeof BODY_LIMIT_BYTES;
