import type { CheckContext } from './check-context';
import type { SourceCheck } from './source-check-report';

export async function checkWalLevel(context: CheckContext): Promise<SourceCheck> {
  const server = await context.server();
  if (server.walLevel !== 'logical') {
    return {
      id: 'wal-level',
      status: 'error',
      title: `wal_level is ${server.walLevel}, not logical`,
      detail:
        'Logical replication needs wal_level = logical. As a superuser, run: ' +
        'ALTER SYSTEM SET wal_level = logical; then restart the PostgreSQL server (this setting only ' +
        'changes on a restart). On Amazon RDS or Aurora, set rds.logical_replication = 1 in the DB ' +
        'parameter group instead, then reboot the instance.',
    };
  }
  // Both default to 10; a server tuned down to 0 can store the setting but never stream.
  for (const [setting, value] of [
    ['max_wal_senders', server.maxWalSenders],
    ['max_replication_slots', server.maxReplicationSlots],
  ] as const) {
    if (value === 0) {
      return {
        id: 'wal-level',
        status: 'error',
        title: `${setting} is 0`,
        detail:
          `wal_level is logical, but with ${setting} = 0 no replication can run. As a superuser, run: ` +
          `ALTER SYSTEM SET ${setting} = 10; then restart the PostgreSQL server.`,
      };
    }
  }
  return {
    id: 'wal-level',
    status: 'ok',
    title: 'wal_level is logical',
    detail: 'The server writes what logical replication needs into its WAL.',
  };
}
