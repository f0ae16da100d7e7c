import pg from 'pg';
import { StartProblem } from '../start-problem';
import { connectionFailure, hostAndPort } from './connection-failure';

export interface PostgresFacts {
  walLevel: string;
  version: string;
}

const CONNECT_TIMEOUT_MS = 5_000;
const START_SERVICES =
  'start it with `docker compose up -d postgres redis` (or `bash scripts/ensure-services.sh` on Debian), or point DATABASE_URL in .env at your server. Without DATABASE_URL, npm start runs a Postgres of its own when none listens at 127.0.0.1:5432';

/** Nothing answers at DATABASE_URL's address: the one failure an embedded Postgres can stand in for. */
export class PostgresUnreachable extends StartProblem {
  constructor(
    where: string,
    /** What happened, in a few words: `connection refused: nothing listens there`. */
    readonly why: string,
    options?: ErrorOptions,
  ) {
    super(`Cannot reach Postgres at ${where} (${why})`, START_SERVICES, options);
  }
}

/**
 * Connects to the server of `databaseUrl` (its `postgres` database: Shardline's own may not exist
 * yet) and reads what npm start needs to know. Throws a StartProblem saying what to do.
 */
export async function checkPostgres(databaseUrl: string): Promise<PostgresFacts> {
  const where = hostAndPort(databaseUrl, 5432);
  let adminUrl: string;
  try {
    const url = new URL(databaseUrl);
    url.pathname = '/postgres';
    adminUrl = url.toString();
  } catch (error) {
    throw new StartProblem(
      'DATABASE_URL is not a URL',
      'set it in .env, e.g. DATABASE_URL=postgresql://postgres@127.0.0.1:5432/shardline',
      { cause: error },
    );
  }
  const client = new pg.Client({
    connectionString: adminUrl,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: 'shardline-start',
  });
  // A failed connect can also emit 'error'; the rejection below says everything.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    throw postgresProblem(error, where);
  }
  try {
    const { rows } = await client.query<{ wal_level: string; server_version: string }>(
      `SELECT current_setting('wal_level') AS wal_level, current_setting('server_version') AS server_version`,
    );
    return { walLevel: rows[0]?.wal_level ?? 'unknown', version: rows[0]?.server_version ?? 'unknown' };
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Said when Shardline's database is on a server whose wal_level is not logical: it needs none,
 * but sources on that server cannot be read until it is.
 */
export function walLevelNote(walLevel: string, databaseUrl: string): string {
  const where = hostAndPort(databaseUrl, 5432);
  return `Note: Postgres at ${where} runs with wal_level = ${walLevel}; sources on that server cannot be read until it is logical. To change it: \`psql "${redactedUrl(databaseUrl)}" -c "ALTER SYSTEM SET wal_level = logical"\`, then restart that Postgres (\`sudo systemctl restart postgresql\`, \`pg_ctlcluster <version> main restart\`, or \`docker compose restart postgres\`)`;
}

function postgresProblem(error: unknown, where: string): StartProblem {
  const network = connectionFailure(error);
  if (network) return new PostgresUnreachable(where, network, { cause: error });
  const code = (error as { code?: string }).code;
  const message = (error as Error).message ?? String(error);
  if (code === '28P01' || code === '28000') {
    return new StartProblem(
      `Postgres at ${where} refused the user of DATABASE_URL (${message})`,
      'check the user and password in DATABASE_URL in .env',
      { cause: error },
    );
  }
  if (code === '3D000') {
    return new StartProblem(
      `Postgres at ${where} has no database "postgres" to connect to first (${message})`,
      'create it (`createdb postgres`) or use a server that has it',
      { cause: error },
    );
  }
  if (/timeout/i.test(message)) {
    return new PostgresUnreachable(where, `no answer within ${CONNECT_TIMEOUT_MS / 1000} s`, {
      cause: error,
    });
  }
  return new StartProblem(`Cannot connect to Postgres at ${where}: ${message}`, START_SERVICES, {
    cause: error,
  });
}

/** The URL without its password, for commands printed on screen. */
function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
