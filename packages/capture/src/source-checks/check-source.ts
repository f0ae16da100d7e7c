import type pg from 'pg';
import { type CheckContext, createCheckContext } from './check-context';
import { connectionFailure } from './connection-failure';
import { checkPrimaryKeys } from './primary-keys-check';
import { checkPublication } from './publication-check';
import { checkReplicaIdentity } from './replica-identity-check';
import { checkReplicationPermission } from './replication-permission-check';
import { checkSlot } from './slot-check';
import type {
  SourceCheck,
  SourceCheckId,
  SourceCheckOptions,
  SourceCheckReport,
  SourceTableChoice,
} from './source-check-report';
import { connectToSource, describeAddress } from './source-client';
import { checkTables } from './tables-check';
import { checkWalLevel } from './wal-level-check';

interface CheckDefinition {
  id: SourceCheckId;
  /** Names the check when it could not run. */
  subject: string;
  run(context: CheckContext): Promise<SourceCheck>;
}

const CHECKS_AFTER_CONNECTING: CheckDefinition[] = [
  { id: 'wal-level', subject: 'WAL level', run: checkWalLevel },
  { id: 'replication-permission', subject: 'Replication permission', run: checkReplicationPermission },
  { id: 'tables', subject: 'Tables', run: checkTables },
  { id: 'publication', subject: 'Publication', run: checkPublication },
  { id: 'slot', subject: 'Replication slot', run: checkSlot },
  { id: 'primary-keys', subject: 'Primary keys', run: checkPrimaryKeys },
  { id: 'replica-identity', subject: 'Replica identity', run: checkReplicaIdentity },
];

// Catalog queries answer in milliseconds; a stuck one must not hang the person waiting on the form.
const STATEMENT_TIMEOUT_MS = 15_000;

/**
 * Tells, in words a database operator acts on, whether Shardline can read changes of `tables`
 * from this database, and what to fix if not. Every check reports, even after another failed.
 */
export async function checkSource(
  clientConfig: pg.ClientConfig,
  options: SourceCheckOptions,
): Promise<SourceCheckReport> {
  const normalized = { ...options, tables: options.tables.map(normalizeTable) };
  let client: pg.Client;
  try {
    client = await connectToSource(clientConfig, { statementTimeoutMs: STATEMENT_TIMEOUT_MS });
  } catch (error) {
    return toReport([
      connectionFailure(error, clientConfig),
      ...CHECKS_AFTER_CONNECTING.map((check) => ({
        id: check.id,
        status: 'skipped' as const,
        title: `${check.subject} not checked`,
        detail: 'Not checked: cannot connect to the database.',
      })),
    ]);
  }

  try {
    const context = createCheckContext(client, normalized);
    const checks = [await connected(context, clientConfig)];
    for (const check of CHECKS_AFTER_CONNECTING) {
      try {
        checks.push(await check.run(context));
      } catch (error) {
        checks.push({
          id: check.id,
          status: 'error',
          title: `${check.subject} could not be checked`,
          detail: `The query that checks it failed: ${(error as Error).message}`,
        });
      }
    }
    return toReport(checks);
  } finally {
    await client.end().catch(() => {});
  }
}

async function connected(context: CheckContext, clientConfig: pg.ClientConfig): Promise<SourceCheck> {
  const { address } = describeAddress(clientConfig);
  try {
    const server = await context.server();
    return {
      id: 'connection',
      status: 'ok',
      title: 'Connected',
      detail: `Connected to database "${server.database}" on ${address} as "${server.user}" (PostgreSQL ${server.version.split(' ')[0]}).`,
    };
  } catch (error) {
    // Connected, but the role cannot even read the settings: the later checks will say the same.
    return {
      id: 'connection',
      status: 'ok',
      title: 'Connected',
      detail: `Connected to ${address}, but reading the server's settings failed: ${(error as Error).message}`,
    };
  }
}

function normalizeTable(table: SourceTableChoice): SourceTableChoice {
  return { schema: table.schema || 'public', name: table.name, groupColumns: table.groupColumns ?? [] };
}

function toReport(checks: SourceCheck[]): SourceCheckReport {
  return { ok: checks.every((check) => check.status !== 'error'), checks };
}
