import { databaseUrl, quoteIdent, templateDatabaseName, withServerClient } from './postgres-server';
import { uniqueSuffix } from './unique-name';

export interface TestDatabase {
  url: string;
  /** Drops the database, ending any connection still open to it. */
  drop(): Promise<void>;
}

// object_in_use: a session on the template; invalid_catalog_name: a concurrent run swapping it in.
const RETRYABLE = new Set(['55006', '3D000']);
const RETRY_FOR_MS = 15_000;

/** A fresh, migrated database copied from the template that prepareTemplateDatabase() built. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `shardline_test_${uniqueSuffix()}`;
  const template = templateDatabaseName();
  const create = `CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`;
  await withServerClient(async (client) => {
    const deadline = Date.now() + RETRY_FOR_MS;
    for (;;) {
      try {
        await client.query(create);
        return;
      } catch (error) {
        const code = (error as { code?: string }).code ?? '';
        if (!RETRYABLE.has(code)) throw error;
        if (Date.now() > deadline) {
          throw new Error(
            `cannot create a test database from ${template} (${(error as Error).message}); ` +
              'prepareTemplateDatabase() builds it (the root vitest globalSetup runs it)',
            { cause: error },
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  });
  return {
    url: databaseUrl(name),
    drop: () =>
      withServerClient(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      }),
  };
}
