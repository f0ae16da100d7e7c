import pg from 'pg';

/**
 * Writes about `changesPerSecond` row changes a second to the source until stopped, as an
 * application would: small transactions, each bumping `version` of a few random rows of each
 * table (a row's versions count 1, 2, 3… so a lost or reordered change shows).
 */
export function startSteadyWriter(
  url: string,
  options: {
    tables: Record<string, { rows: number; perTransaction: number }>;
    transactionsPerSecond: number;
  },
): { stop(): Promise<number> } {
  const client = new pg.Client({ connectionString: url, application_name: 'steady-writer' });
  let stopping = false;
  let transactions = 0;
  const intervalMs = 1000 / options.transactionsPerSecond;
  const loop = (async () => {
    await client.connect();
    const startedAt = Date.now();
    while (!stopping) {
      // One statement, one transaction: a round trip each, so the pace holds.
      const updates = Object.entries(options.tables).map(([table, { rows, perTransaction }], index) => ({
        sql: `u${index} AS (UPDATE ${table} SET version = version + 1 WHERE id = ANY($${index + 1}::int[]))`,
        ids: [...new Set(Array.from({ length: perTransaction }, () => 1 + Math.floor(Math.random() * rows)))],
      }));
      await client.query(
        `WITH ${updates.map((update) => update.sql).join(', ')} SELECT 1`,
        updates.map((update) => update.ids),
      );
      transactions += 1;
      // Paced against the start, so a slow moment is caught up rather than lost.
      const due = startedAt + transactions * intervalMs;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
    }
    await client.end();
  })();
  return {
    async stop() {
      stopping = true;
      await loop;
      return transactions;
    },
  };
}
