import type pg from 'pg';
import { connectToSource } from '../source-checks/source-client';
import { REPLICATION_SESSION_SETTINGS, sessionOptionsString } from '../values/session-settings';
import { TypeCatalog } from '../values/type-catalog';

/**
 * The backfill's session on the source database. It uses the reader's session settings, so a
 * row reads as the same text (and so the same JSON) as the replication stream gives it.
 */
export class BackfillSource {
  private constructor(
    readonly client: pg.Client,
    readonly types: TypeCatalog,
    readonly databaseName: string,
    /** server_version_num: column lists and row filters of publications exist from 15 on. */
    readonly serverVersion: number,
  ) {}

  static async connect(
    clientConfig: pg.ClientConfig,
    options: { statementTimeoutMs?: number } = {},
  ): Promise<BackfillSource> {
    const client = await connectToSource(
      {
        ...clientConfig,
        // Conditions were checked for their shape as Postgres reads them with standard strings.
        options: sessionOptionsString({ ...REPLICATION_SESSION_SETTINGS, standard_conforming_strings: 'on' }),
        application_name: 'shardline-backfill',
      },
      options,
    );
    try {
      const facts = await client.query<{ database: string; version: number }>(
        `SELECT current_database() AS database, current_setting('server_version_num')::int AS version`,
      );
      const types = new TypeCatalog((sql, params) => client.query(sql, params));
      return new BackfillSource(client, types, facts.rows[0]?.database ?? '', facts.rows[0]?.version ?? 0);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => {});
  }
}
