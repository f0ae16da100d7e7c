import { parseStreamArn, ValidationError } from '@shardline/core';

/**
 * A stored secret is only ever sent where it was saved for (product brief: "Secrets stay with
 * their target"): a source's password to the saved host, port, database and user; a sink's
 * secret access key to the saved endpoint and region. A check or an edit that changes any of
 * them with the stored secret is refused: the secret must be given again.
 */

export interface SourceTarget {
  host: string;
  port: number;
  database: string;
  username: string;
}

const SOURCE_TARGET_FIELDS = ['host', 'port', 'database', 'username'] as const;

/** Refuses using a source's stored password with another host, port, database or user. */
export function assertSourcePasswordTarget(saved: SourceTarget, next: Partial<SourceTarget>): void {
  const changed = SOURCE_TARGET_FIELDS.find(
    (field) => next[field] !== undefined && next[field] !== saved[field],
  );
  if (!changed) return;
  throw new ValidationError(
    `password: ${changed} differs from the saved source's, so give the password again: a saved password is only ever sent to the host, port, database and user it was saved with`,
    'password',
  );
}

export interface SinkTarget {
  /** The stream ARN, whose region is where the key is sent. */
  streamArn: string;
  endpoint: string | null;
}

/** Refuses using a sink's stored secret access key with another endpoint or region. */
export function assertSinkSecretTarget(saved: SinkTarget, next: Partial<SinkTarget>): void {
  const regionOf = (arn: string) => parseStreamArn(arn)?.region ?? null;
  const changed =
    next.endpoint !== undefined && (next.endpoint ?? null) !== saved.endpoint
      ? 'endpoint'
      : next.streamArn !== undefined && regionOf(next.streamArn) !== regionOf(saved.streamArn)
        ? 'the region of streamArn'
        : null;
  if (!changed) return;
  throw new ValidationError(
    `secretAccessKey: ${changed} differs from the saved sink's, so give the secret access key again: a saved key is only ever sent to the endpoint and region it was saved with`,
    'secretAccessKey',
  );
}
