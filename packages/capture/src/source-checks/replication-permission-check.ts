import type { CheckContext } from './check-context';
import type { SourceCheck } from './source-check-report';

export async function checkReplicationPermission(context: CheckContext): Promise<SourceCheck> {
  const server = await context.server();
  const ok = (detail: string): SourceCheck => ({
    id: 'replication-permission',
    status: 'ok',
    title: `The role "${server.user}" may use replication`,
    detail,
  });
  if (server.isSuperuser) return ok(`"${server.user}" is a superuser.`);
  if (server.hasReplicationAttribute) return ok(`"${server.user}" has the REPLICATION attribute.`);
  if (server.isRdsReplicationMember) return ok(`"${server.user}" is a member of rds_replication.`);
  return {
    id: 'replication-permission',
    status: 'error',
    title: `The role "${server.user}" may not use replication`,
    detail:
      'Reading changes through a replication slot needs a role with the REPLICATION attribute (or a ' +
      `superuser). As a superuser, run: ALTER ROLE ${server.quotedUser} WITH REPLICATION; ` +
      `(on Amazon RDS: GRANT rds_replication TO ${server.quotedUser};)`,
  };
}
