import type pg from 'pg';
import { readServerFacts, type ServerFacts } from './server-facts';
import type { SourceCheckOptions } from './source-check-report';
import { readTableFacts, type TableFacts } from './table-facts';

/** What every check may need, read once and shared; a failed read fails only the checks that need it. */
export interface CheckContext {
  client: pg.Client;
  options: SourceCheckOptions;
  server(): Promise<ServerFacts>;
  tables(): Promise<TableFacts[]>;
  /** Names as they must be written in SQL (the server knows its reserved words). */
  quote(name: string): Promise<string>;
}

export function createCheckContext(client: pg.Client, options: SourceCheckOptions): CheckContext {
  let server: Promise<ServerFacts> | undefined;
  let tables: Promise<TableFacts[]> | undefined;
  return {
    client,
    options,
    server: () => {
      server ??= readServerFacts(client);
      return server;
    },
    tables: () => {
      tables ??= readTableFacts(client, options.tables);
      return tables;
    },
    async quote(name) {
      const { rows } = await client.query<{ quoted: string }>('SELECT quote_ident($1) AS quoted', [name]);
      return rows[0]?.quoted ?? name;
    },
  };
}
