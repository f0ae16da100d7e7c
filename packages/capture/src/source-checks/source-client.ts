import pg from 'pg';

const CONNECT_TIMEOUT_MS = 10_000;

/** A plain session on the source database, for catalog queries and setup statements. */
export async function connectToSource(
  clientConfig: pg.ClientConfig,
  options: { statementTimeoutMs?: number } = {},
): Promise<pg.Client> {
  const client = new pg.Client({
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    ...clientConfig,
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    application_name: clientConfig.application_name ?? 'shardline',
  });
  // A connection the server ends between two queries is reported by the next query; without a
  // listener the client would throw it out of an event handler and take the process down.
  client.on('error', () => {});
  await client.connect();
  return client;
}

/** Where the client connects, for messages: `host:port`. */
export function describeAddress(clientConfig: pg.ClientConfig): {
  address: string;
  database: string;
  user: string;
} {
  const resolved = new pg.Client(clientConfig);
  return {
    address: `${resolved.host}:${resolved.port}`,
    database: resolved.database ?? '',
    user: resolved.user ?? '',
  };
}

/** Always quoted, so any name round-trips exactly; for statements Shardline runs itself. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
