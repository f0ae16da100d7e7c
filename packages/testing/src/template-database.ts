import type pg from 'pg';
import { migrationsHash } from './migrations-hash';
import { databaseUrl, quoteIdent, templateDatabaseName, withServerClient } from './postgres-server';
import { migrateDeploy } from './prisma-migrate';
import { uniqueSuffix } from './unique-name';

export interface PrepareTemplateOptions {
  /** Rebuild even when the template was built from the current migrations. */
  force?: boolean;
}

/**
 * (Re)builds the migrated template every test database is copied from. A migrate run takes ~11 s
 * whatever its size, so the template records which migrations built it (as its database comment)
 * and is only rebuilt when they change.
 *
 * It builds under a scratch name and swaps it in, so a concurrent test run only ever misses the
 * template for a moment (createTestDatabase retries), and it leaves the template refusing
 * connections, since CREATE DATABASE ... TEMPLATE fails while anyone is connected to it.
 */
export async function prepareTemplateDatabase(options: PrepareTemplateOptions = {}): Promise<void> {
  const stamp = `migrations sha256 ${migrationsHash()}`;
  const template = templateDatabaseName();
  if (!options.force && (await templateStamp(template)) === stamp) return;

  const build = `${template}_build_${uniqueSuffix()}`;
  await withServerClient((client) => client.query(`CREATE DATABASE ${quoteIdent(build)}`));
  try {
    await migrateDeploy(databaseUrl(build));
    await withServerClient((client) => swapInTemplate(client, { build, template, stamp }));
  } catch (error) {
    await withServerClient((client) =>
      client.query(`DROP DATABASE IF EXISTS ${quoteIdent(build)} WITH (FORCE)`),
    );
    throw error;
  }
}

async function templateStamp(template: string): Promise<string | null> {
  return withServerClient(async (client) => {
    const result = await client.query<{ stamp: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS stamp FROM pg_database WHERE datname = $1`,
      [template],
    );
    return result.rows[0]?.stamp ?? null;
  });
}

async function swapInTemplate(
  client: pg.Client,
  { build, template, stamp }: { build: string; template: string; stamp: string },
): Promise<void> {
  // Two runs preparing at once must not interleave their drop and rename.
  await client.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (existing.rowCount) {
      await client.query(`ALTER DATABASE ${quoteIdent(template)} WITH IS_TEMPLATE false`);
      await client.query(`DROP DATABASE ${quoteIdent(template)} WITH (FORCE)`);
    }
    await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [build]);
    await client.query(`ALTER DATABASE ${quoteIdent(build)} RENAME TO ${quoteIdent(template)}`);
    await client.query(`COMMENT ON DATABASE ${quoteIdent(template)} IS ${client.escapeLiteral(stamp)}`);
    await client.query(
      `ALTER DATABASE ${quoteIdent(template)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`,
    );
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [template]);
  }
}
