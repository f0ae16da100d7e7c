import type pg from 'pg';
import { connectionFailure } from '../source-checks/connection-failure';

/** Connecting to a source's database failed; the message says why and what to do, as the checks do. */
export class SourceUnreachableError extends Error {
  override readonly name = 'SourceUnreachableError';

  constructor(cause: unknown, clientConfig: pg.ClientConfig) {
    const failure = connectionFailure(cause, clientConfig);
    super(`${failure.title}: ${failure.detail}`, { cause });
  }
}
