import { pingDatabase } from '@shardline/db';
import { database } from './database';

// A health check that hangs is worse than one that fails: load balancers give up on it anyway.
const CHECK_TIMEOUT_MS = 5_000;

/** Null when the console can query its database, else what went wrong, in words. */
export async function checkDatabase(): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${CHECK_TIMEOUT_MS / 1000} s`), CHECK_TIMEOUT_MS);
  });
  try {
    // database() itself throws when DATABASE_URL is not set: that is a failed check too.
    const query = pingDatabase(database()).then(() => null);
    return await Promise.race([query, timeout]);
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)) || 'unknown error';
  } finally {
    clearTimeout(timer);
  }
}
