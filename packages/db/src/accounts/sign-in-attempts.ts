import type { Db } from '../database';
import { SIGN_IN_FAILURE_WINDOW_MS, SIGN_IN_LOCK_MS, SIGN_IN_MAX_FAILURES } from './account-role';

/**
 * Counts an attempt to prove an email's password (a sign-in, or a password change giving the
 * current one) and says how many this window holds and whether the email is locked.
 * A window (or a lock) that has ended starts afresh. An attempt past the limit locks the email at
 * once: its password is never checked.
 */
export async function countSignInAttempt(
  db: Db,
  email: string,
  now: Date,
): Promise<{ attempts: number; lockedUntil: Date | null }> {
  const { rows } = await db.pool.query<{ attempts: number; locked_until: Date | null }>(
    `INSERT INTO sign_in_attempt AS a (email, window_started_at, attempts, locked_until)
     VALUES ($1, $2, 1, NULL)
     ON CONFLICT (email) DO UPDATE SET (window_started_at, attempts, locked_until) = (
       SELECT CASE WHEN ended THEN $2 ELSE a.window_started_at END,
              CASE WHEN ended THEN 1 ELSE a.attempts + 1 END,
              CASE WHEN ended THEN NULL
                   WHEN a.locked_until IS NOT NULL THEN a.locked_until
                   WHEN a.attempts + 1 > $3::integer THEN $2::timestamptz + $5::double precision * interval '1 millisecond'
                   ELSE NULL END
       FROM (SELECT CASE WHEN a.locked_until IS NOT NULL THEN a.locked_until <= $2::timestamptz
                         ELSE a.window_started_at <= $2::timestamptz - $4::double precision * interval '1 millisecond' END AS ended) AS window_state
     )
     RETURNING attempts, locked_until`,
    [email, now, SIGN_IN_MAX_FAILURES, SIGN_IN_FAILURE_WINDOW_MS, SIGN_IN_LOCK_MS],
  );
  const row = rows[0];
  return { attempts: row?.attempts ?? 1, lockedUntil: row?.locked_until ?? null };
}
