import type pg from 'pg';
import { type SslMode, sslOptionFor } from './ssl-mode';

/** The settings of a source that say how to reach its database. */
export interface SourceConnectionSettings {
  host: string;
  port: number;
  database: string;
  username: string;
  /** In clear text: only ever handed to the database driver. */
  password: string | null;
  sslMode: SslMode;
}

/** How node-postgres connects to a source's database, saved or not yet saved. */
export function sourceClientConfig(settings: SourceConnectionSettings): pg.ClientConfig {
  return {
    host: settings.host,
    port: settings.port,
    database: settings.database,
    user: settings.username,
    ...(settings.password === null ? {} : { password: settings.password }),
    ssl: sslOptionFor(settings.sslMode),
    // So the source's operator can tell Shardline's sessions apart in pg_stat_activity.
    application_name: 'shardline',
  };
}
